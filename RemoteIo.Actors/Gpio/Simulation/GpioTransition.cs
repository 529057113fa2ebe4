namespace RemoteIo.Actors.Gpio.Simulation;

/// <summary>One level change of a simulated line, as the transition log records it.</summary>
/// <param name="TimestampNanoseconds">When, on the chip's clock in nanoseconds (CLOCK_MONOTONIC on the real clock).</param>
/// <param name="Line">Which line.</param>
/// <param name="Level">The new physical (electrical) level, before any active-low inversion.</param>
public readonly record struct GpioTransition(long TimestampNanoseconds, int Line, PinValue Level);
