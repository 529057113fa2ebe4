namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>The state of one of the two hardware PWM channels, shared by the GPIOs wired to it.</summary>
/// <param name="FrequencyHz">The frequency the channel really produces.</param>
/// <param name="DutyCycle">The dutycycle asked for, in millionths.</param>
/// <param name="RealRange">Clock steps per period.</param>
internal readonly record struct PigpioHardwareChannel(int FrequencyHz, int DutyCycle, int RealRange);
