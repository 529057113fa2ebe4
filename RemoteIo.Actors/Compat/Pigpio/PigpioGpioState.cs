namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>pigpio's bookkeeping for one GPIO.</summary>
/// <param name="Function">What the GPIO is doing.</param>
/// <param name="Width">The PWM dutycycle (in range units) or the servo pulsewidth (µs); 0 when off.</param>
/// <param name="Range">The PWM dutycycle range (PRS).</param>
/// <param name="FrequencyIndex">The index of the PWM frequency in the table (PFS).</param>
internal readonly record struct PigpioGpioState(PigpioGpioFunction Function, int Width, int Range, int FrequencyIndex)
{
    /// <summary>A GPIO pigpio has not touched.</summary>
    public static PigpioGpioState Initial { get; } = new(PigpioGpioFunction.Undefined, 0, PigpioPwmTable.DefaultRange, PigpioPwmTable.DefaultIndex);

    /// <summary>pigpio's <c>switchFunctionOff</c> followed by a new function: the width of the old one is gone.</summary>
    /// <param name="function">The new function.</param>
    public PigpioGpioState SwitchTo(PigpioGpioFunction function) =>
        Function == function ? this : this with { Function = function, Width = 0 };
}
