namespace RemoteIo.Actors.Compat.Tests.Fakes;

/// <summary>One entry of the fake board's transition log.</summary>
/// <param name="At">Virtual or real time since the board was created.</param>
/// <param name="Gpio">The GPIO.</param>
/// <param name="Kind">What happened: mode, pull, level, pwm, servo, hwpwm, trigger, claim, release.</param>
/// <param name="Value">The new value (level 0/1, mode number, PWM frequency, pulse width, ...).</param>
/// <param name="Value2">A second value (PWM duty fraction, hardware duty, trigger level).</param>
/// <param name="Session">The session that caused it (0: the test).</param>
public sealed record FakeBoardEvent(TimeSpan At, int Gpio, string Kind, double Value, double Value2, int Session);
