using System.Globalization;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Pins;

/// <summary>
/// Checks a command's arguments before anything happens, so bad input gets one clear rejection
/// (INVALID_ARGUMENT) and changes nothing: a missing action, a duration beyond the configured
/// maximum, a level outside [0, 1], a PWM frequency or servo pulse out of range.
/// </summary>
internal static class CommandValidator
{
    /// <summary>Microseconds per second.</summary>
    private const double MicrosecondsPerSecond = 1_000_000;

    /// <summary>Checks <paramref name="command"/>.</summary>
    /// <param name="command">The command.</param>
    /// <param name="settings">The limits.</param>
    /// <param name="hardwarePwm">Whether the pin has a hardware PWM channel (it can go far beyond software PWM's frequencies).</param>
    /// <param name="durationNanoseconds">Its duration in nanoseconds (0 for none or for close), when valid.</param>
    /// <returns>Null when valid; otherwise what is wrong.</returns>
    public static string? Validate(PinCommand command, PinsSettings settings, bool hardwarePwm, out long durationNanoseconds)
    {
        durationNanoseconds = 0;
        var maxUs = (ulong)(settings.MaxCommandDuration.Ticks / 10);
        var error = command.ActionCase switch
        {
            PinCommand.ActionOneofCase.None => "the command has no action: send on, off, blink, pulse, value, servo or close",
            PinCommand.ActionOneofCase.Blink => CheckTime("blink on-time", command.Blink.OnTimeUs, maxUs) ?? CheckTime("blink off-time", command.Blink.OffTimeUs, maxUs),
            PinCommand.ActionOneofCase.Pulse => CheckTime("pulse fade-in", command.Pulse.FadeInUs, maxUs) ?? CheckTime("pulse fade-out", command.Pulse.FadeOutUs, maxUs),
            PinCommand.ActionOneofCase.Value => CheckValue(command.Value, settings, hardwarePwm),
            PinCommand.ActionOneofCase.Servo => CheckServo(command.Servo, settings),
            _ => null,
        };
        if (error is not null)
        {
            return error;
        }

        if (command.ActionCase == PinCommand.ActionOneofCase.Close)
        {
            return null;
        }

        error = CheckTime("duration", command.DurationUs, maxUs);
        if (error is null)
        {
            durationNanoseconds = (long)command.DurationUs * 1000;
        }

        return error;
    }

    /// <summary>Refuses a time beyond the maximum.</summary>
    private static string? CheckTime(string what, ulong microseconds, ulong maxMicroseconds) =>
        microseconds <= maxMicroseconds
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{what} {microseconds} µs exceeds the maximum of {maxMicroseconds / MicrosecondsPerSecond:0.###} s (remoteio.pins.max-command-duration)");

    /// <summary>Refuses a level outside [0, 1] or a frequency out of range (the hardware channel's range where the pin has one).</summary>
    private static string? CheckValue(Value value, PinsSettings settings, bool hardwarePwm)
    {
        if (!(value.Level is >= 0 and <= 1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"value level {value.Level} is outside [0, 1]");
        }

        if (hardwarePwm)
        {
            return value.FrequencyHz > HardwarePwmMap.MaxFrequencyHz
                ? string.Create(CultureInfo.InvariantCulture, $"PWM frequency {value.FrequencyHz} Hz exceeds the hardware PWM channel's maximum of {HardwarePwmMap.MaxFrequencyHz} Hz")
                : null;
        }

        return value.FrequencyHz > settings.MaxPwmFrequencyHz
            ? string.Create(CultureInfo.InvariantCulture, $"PWM frequency {value.FrequencyHz} Hz exceeds the maximum of {settings.MaxPwmFrequencyHz} Hz (remoteio.pins.max-pwm-frequency; pins without a hardware PWM channel)")
            : null;
    }

    /// <summary>Refuses a servo pulse outside the configured range (0 stops the pulses).</summary>
    private static string? CheckServo(Servo servo, PinsSettings settings)
    {
        if (servo.PulseWidthUs == 0)
        {
            return null;
        }

        var width = TimeSpan.FromMicroseconds(servo.PulseWidthUs);
        return width < settings.ServoMinPulse || width > settings.ServoMaxPulse
            ? string.Create(CultureInfo.InvariantCulture, $"servo pulse width {servo.PulseWidthUs} µs is outside {settings.ServoMinPulse.TotalMicroseconds:0}..{settings.ServoMaxPulse.TotalMicroseconds:0} µs (0 stops the pulses)")
            : null;
    }
}
