namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>
/// A GPIO's noise filter (FN): changes are ignored until the level has been stable for
/// <see cref="SteadyMicroseconds"/>; the change that ends such a stable stretch and every change
/// in the following <see cref="ActiveMicroseconds"/> are reported; then it waits for a stable
/// stretch again. While ignoring, the reported level stays what was last reported.
/// </summary>
/// <param name="Gpio">The filtered GPIO, 0-31.</param>
/// <param name="SteadyMicroseconds">The stable time that opens a reporting window, 1-300000 µs.</param>
/// <param name="ActiveMicroseconds">How long a reporting window lasts, 0-1000000 µs.</param>
/// <param name="StartTick">The tick the filter was set at: the first stable stretch counts from here.</param>
internal sealed class PigpioNoiseFilter(int Gpio, uint SteadyMicroseconds, uint ActiveMicroseconds, uint StartTick)
{
    /// <summary>The filtered GPIO.</summary>
    public int Gpio { get; } = Gpio;

    /// <summary>The stable time that opens a reporting window.</summary>
    public uint SteadyMicroseconds { get; } = SteadyMicroseconds;

    /// <summary>How long a reporting window lasts.</summary>
    public uint ActiveMicroseconds { get; } = ActiveMicroseconds;

    /// <summary>True while changes are reported.</summary>
    private bool _active;

    /// <summary>When the current stable stretch began (the last change, or the end of the last window).</summary>
    private uint _stableSince = StartTick;

    /// <summary>When the current reporting window ends.</summary>
    private uint _activeUntil;

    /// <summary>Decides whether a raw change at <paramref name="tick"/> is reported.</summary>
    /// <param name="tick">The tick of the change.</param>
    public bool Passes(uint tick)
    {
        if (_active && (int)(tick - _activeUntil) >= 0)
        {
            // The window closed at its end tick; the next stable stretch counts from there.
            _active = false;
            _stableSince = _activeUntil;
        }

        if (!_active)
        {
            var stableFor = tick - _stableSince;
            _stableSince = tick;
            if (stableFor >= SteadyMicroseconds)
            {
                _active = true;
                _activeUntil = tick + ActiveMicroseconds;
            }
        }

        return _active;
    }
}
