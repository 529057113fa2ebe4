namespace RemoteIo.LinuxGpio.Tests.Sim;

/// <summary>One channel's state as pwm-sim's driver last received it from the kernel's PWM core.</summary>
/// <param name="PeriodNanoseconds">The period.</param>
/// <param name="DutyNanoseconds">The duty cycle.</param>
/// <param name="Inversed">True for inversed polarity.</param>
/// <param name="Enabled">Whether the output runs.</param>
/// <param name="Applies">How many states the driver has received for the channel so far.</param>
internal sealed record PwmSimState(long PeriodNanoseconds, long DutyNanoseconds, bool Inversed, bool Enabled, int Applies);
