using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Pins.Tests.Support;

/// <summary>Builders for the pins.proto requests the tests send.</summary>
internal static class Cmd
{
    private static ulong _nextId = 1000;

    public static ulong NextId() => Interlocked.Increment(ref _nextId);

    public static PinRef Gpio(int gpio) => new() { Numbering = Numbering.Gpio, Number = (uint)gpio };

    public static PinRef Board(int position) => new() { Numbering = Numbering.Board, Number = (uint)position };

    public static ClaimPin Claim(PinRef pin, ClaimRole role = ClaimRole.Output, InputConfig? input = null) =>
        new() { RequestId = NextId(), Pin = pin, Role = role, Input = input };

    public static PinCommand On(int gpio, double durationMs = 0, CommandPolicy policy = CommandPolicy.SessionDefault) =>
        Command(gpio, durationMs, policy, c => c.On = new On());

    public static PinCommand Off(int gpio, double durationMs = 0, CommandPolicy policy = CommandPolicy.SessionDefault) =>
        Command(gpio, durationMs, policy, c => c.Off = new Off());

    public static PinCommand Blink(int gpio, double durationMs, double onMs, double offMs, CommandPolicy policy = CommandPolicy.SessionDefault) =>
        Command(gpio, durationMs, policy, c => c.Blink = new Blink { OnTimeUs = Us(onMs), OffTimeUs = Us(offMs) });

    public static PinCommand Pulse(int gpio, double durationMs, double fadeInMs, double fadeOutMs) =>
        Command(gpio, durationMs, CommandPolicy.SessionDefault, c => c.Pulse = new Pulse { FadeInUs = Us(fadeInMs), FadeOutUs = Us(fadeOutMs) });

    public static PinCommand Value(int gpio, double durationMs, double level, uint frequencyHz = 0) =>
        Command(gpio, durationMs, CommandPolicy.SessionDefault, c => c.Value = new Value { Level = level, FrequencyHz = frequencyHz });

    public static PinCommand Servo(int gpio, double durationMs, uint pulseWidthUs) =>
        Command(gpio, durationMs, CommandPolicy.SessionDefault, c => c.Servo = new Servo { PulseWidthUs = pulseWidthUs });

    public static PinCommand Close(int gpio, CommandPolicy policy = CommandPolicy.SessionDefault) =>
        Command(gpio, 0, policy, c => c.Close = new Close());

    public static ObservePin Observe(int gpio, EdgeFilter edges = EdgeFilter.Both, uint debounceUs = 0, uint watchdogUs = 0, uint capacity = 0, bool flowControl = false) =>
        new() { RequestId = NextId(), Pin = Gpio(gpio), Edges = edges, DebounceUs = debounceUs, WatchdogUs = watchdogUs, QueueCapacity = capacity, FlowControl = flowControl };

    private static PinCommand Command(int gpio, double durationMs, CommandPolicy policy, Action<PinCommand> action)
    {
        var command = new PinCommand { CommandId = NextId(), Pin = Gpio(gpio), DurationUs = Us(durationMs), Policy = policy };
        action(command);
        return command;
    }

    private static ulong Us(double ms) => (ulong)Math.Round(ms * 1000);
}
