using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Timing;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Pins;

/// <summary>
/// The waveform each output command means, with remoteio's and gpiozero's defaults: blink on/off
/// and pulse fade in/out 1 s when not given, software PWM at the configured frequency, servo pulses
/// every <see cref="PinsSettings.ServoPeriod"/>. Every command ends low.
/// </summary>
internal static class CommandShapes
{
    /// <summary>remoteio's and gpiozero's default blink and fade time.</summary>
    private const long DefaultPhaseNanoseconds = 1_000_000_000;

    /// <summary>Whether the command can drive the pin high (what the interlocks count as energised).</summary>
    /// <param name="command">An output command.</param>
    /// <returns>True for on, blink, pulse, a value above 0 and a servo pulse.</returns>
    public static bool IsEnergising(PinCommand command) => command.ActionCase switch
    {
        PinCommand.ActionOneofCase.On or PinCommand.ActionOneofCase.Blink or PinCommand.ActionOneofCase.Pulse => true,
        PinCommand.ActionOneofCase.Value => command.Value.Level > 0,
        PinCommand.ActionOneofCase.Servo => command.Servo.PulseWidthUs > 0,
        _ => false,
    };

    /// <summary>Whether the command is a PWM signal a hardware channel can make: a value strictly between 0 and 1, a pulse, a servo pulse train.</summary>
    /// <param name="command">An output command.</param>
    /// <returns>True for those; on, off, blink and constant levels stay on the GPIO line.</returns>
    public static bool SuitsHardware(PinCommand command) => command.ActionCase switch
    {
        PinCommand.ActionOneofCase.Value => command.Value.Level is > 0 and < 1,
        PinCommand.ActionOneofCase.Pulse => true,
        PinCommand.ActionOneofCase.Servo => command.Servo.PulseWidthUs > 0,
        _ => false,
    };

    /// <summary>Whether an untimed command is finished once applied (on, off) rather than running until replaced.</summary>
    /// <param name="command">An output command.</param>
    /// <returns>True for on and off.</returns>
    public static bool CompletesWhenApplied(PinCommand command) =>
        command.ActionCase is PinCommand.ActionOneofCase.On or PinCommand.ActionOneofCase.Off;

    /// <summary>The waveform of <paramref name="command"/> from <paramref name="start"/> to <paramref name="end"/>.</summary>
    /// <param name="command">A validated output command (not close).</param>
    /// <param name="start">Start, scheduler nanoseconds.</param>
    /// <param name="end">End, or <see cref="Waveform.NoEnd"/>.</param>
    /// <param name="finalLevel">The level after the end.</param>
    /// <param name="timing">The default PWM frequency and fade step.</param>
    /// <param name="settings">The servo period.</param>
    /// <returns>The waveform.</returns>
    public static Waveform Shape(PinCommand command, long start, long end, PinValue finalLevel, EdgeSchedulerOptions timing, PinsSettings settings)
    {
        switch (command.ActionCase)
        {
            case PinCommand.ActionOneofCase.On:
                return Waveform.Constant(PinValue.High, start, end, finalLevel);
            case PinCommand.ActionOneofCase.Blink:
                return Waveform.Square(OrDefault(command.Blink.OnTimeUs), OrDefault(command.Blink.OffTimeUs), start, end, finalLevel);
            case PinCommand.ActionOneofCase.Pulse:
                return Waveform.Fade(
                    timing.SoftwarePwmFrequency,
                    TimeSpan.FromTicks(OrDefault(command.Pulse.FadeInUs) / 100),
                    TimeSpan.FromTicks(OrDefault(command.Pulse.FadeOutUs) / 100),
                    timing.FadeStep,
                    start,
                    end,
                    finalLevel);
            case PinCommand.ActionOneofCase.Value:
                var level = command.Value.Level;
                var frequency = command.Value.FrequencyHz > 0 ? command.Value.FrequencyHz : timing.SoftwarePwmFrequency;
                return level switch
                {
                    <= 0 => Waveform.Constant(PinValue.Low, start, end, finalLevel),
                    >= 1 => Waveform.Constant(PinValue.High, start, end, finalLevel),
                    _ => Waveform.Pwm(frequency, level, start, end, finalLevel),
                };
            case PinCommand.ActionOneofCase.Servo when command.Servo.PulseWidthUs > 0:
                var high = command.Servo.PulseWidthUs * 1000L;
                return Waveform.Square(high, ClockTime.ToNanoseconds(settings.ServoPeriod) - high, start, end, finalLevel);
            default:
                return Waveform.Constant(PinValue.Low, start, end, finalLevel);
        }
    }

    /// <summary>A time in microseconds as nanoseconds, 0 meaning the 1 s default.</summary>
    private static long OrDefault(ulong microseconds) => microseconds == 0 ? DefaultPhaseNanoseconds : (long)microseconds * 1000;
}
