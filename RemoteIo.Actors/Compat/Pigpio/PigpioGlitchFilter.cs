namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>
/// A GPIO's glitch filter (FG): a new level is reported only once it has been steady for
/// <see cref="SteadyMicroseconds"/>, with the tick at which it became steady (as pigpio, which
/// reports the sample that completes the steady time); shorter pulses are never reported.
/// </summary>
/// <param name="Gpio">The filtered GPIO, 0-31.</param>
/// <param name="SteadyMicroseconds">How long a level must hold, 1-300000 µs.</param>
internal sealed class PigpioGlitchFilter(int Gpio, uint SteadyMicroseconds)
{
    /// <summary>The filtered GPIO.</summary>
    public int Gpio { get; } = Gpio;

    /// <summary>How long a level must hold.</summary>
    public uint SteadyMicroseconds { get; } = SteadyMicroseconds;

    /// <summary>The tick of the last raw change; the new level is reported at this plus the steady time.</summary>
    public uint ChangeTick { get; set; }

    /// <summary>Fires when the last raw change has held for the steady time.</summary>
    public ITimer? Timer { get; set; }
}
