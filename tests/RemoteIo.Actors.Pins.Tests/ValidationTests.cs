using RemoteIo.Actors.Pins.Tests.Support;
using RemoteIo.Actors.Protocol;
using Xunit;

namespace RemoteIo.Actors.Pins.Tests;

public sealed class ValidationTests : PinsTestKit
{
    private const int Pin = 26;

    public static TheoryData<string, PinCommand, string> InvalidCommands => new()
    {
        { "level above 1", Cmd.Value(Pin, 0, 1.5), "value level 1.5 is outside [0, 1]" },
        { "negative level", Cmd.Value(Pin, 0, -0.1), "value level -0.1 is outside [0, 1]" },
        { "NaN level", Cmd.Value(Pin, 0, double.NaN), "value level NaN is outside [0, 1]" },
        { "absurd duration", Cmd.On(Pin, 1e12), "duration 1000000000000000 µs exceeds the maximum of 604800 s" },
        { "absurd blink time", Cmd.Blink(Pin, 100, 1e12, 10), "blink on-time 1000000000000000 µs exceeds" },
        { "PWM too fast", Cmd.Value(Pin, 0, 0.5, 50_000), "PWM frequency 50000 Hz exceeds the maximum of 10000 Hz" },
        { "servo pulse too long", Cmd.Servo(Pin, 0, 5000), "servo pulse width 5000 µs is outside 500..2500 µs" },
        { "no action", new PinCommand { CommandId = 1, Pin = Cmd.Gpio(Pin) }, "the command has no action" },
        { "unknown policy", Cmd.On(Pin, 0, (CommandPolicy)42), "command policy 42 is not queue, replace or reject-if-busy" },
    };

    [Theory]
    [MemberData(nameof(InvalidCommands))]
    public void Command_WithAnInvalidArgument_IsRejectedClearlyAndNothingElseChanges(string what, PinCommand command, string message)
    {
        var client = Client();
        ClaimOutput(client, Pin);
        var running = Cmd.On(Pin, 1000);
        Send(client, running);
        ExpectAccepted(client, running);
        Chip.ClearTransitions();

        Send(client, command);

        var rejected = ExpectOutcome(client, command, OutcomeKind.Rejected, what);
        Assert.Equal(RejectReason.InvalidArgument, rejected.Reason);
        Assert.Contains(message, rejected.Message, StringComparison.Ordinal);
        Assert.StartsWith("GPIO 26 (board 37)", rejected.Message, StringComparison.Ordinal);
        AdvanceMs(2000);
        ExpectOutcome(client, running, OutcomeKind.Completed);
        client.ExpectNoMsg();
        AssertTimeline([(1000, false)], Edges(Pin));
    }

    [Fact]
    public void Requests_WithBadPinsOrEnums_AreRejectedWithTheirReason()
    {
        var client = Client();
        var noPin = new ClaimPin { RequestId = 1 };
        var badNumbering = new ClaimPin { RequestId = 2, Pin = new PinRef { Numbering = (Numbering)9, Number = 4 } };
        var badRole = new ClaimPin { RequestId = 3, Pin = Cmd.Gpio(4), Role = (ClaimRole)7 };
        var badMode = new OpenSession { RequestId = 4, Mode = (Mode)5 };
        var badFilter = new ObservePin { RequestId = 5, Pin = Cmd.Gpio(4), Edges = (EdgeFilter)9 };
        var hugeQueue = new ObservePin { RequestId = 6, Pin = Cmd.Gpio(4), QueueCapacity = 10_000_000 };
        foreach (var request in new Google.Protobuf.IMessage[] { noPin, badNumbering, badRole, badMode, badFilter, hugeQueue })
        {
            client.Send(Pins, request);
        }

        Flush();

        var answers = client.ReceiveN(6).Cast<RequestRejected>().ToList();
        Assert.Equal([1ul, 2, 3, 4, 5, 6], answers.Select(a => a.RequestId));
        Assert.All(answers, a => Assert.Equal(RejectReason.InvalidArgument, a.Reason));
        Assert.Contains("names no pin", answers[0].Message, StringComparison.Ordinal);
        Assert.Contains("numbering 9", answers[1].Message, StringComparison.Ordinal);
        Assert.Contains("claim role 7", answers[2].Message, StringComparison.Ordinal);
        Assert.Contains("mode 5", answers[3].Message, StringComparison.Ordinal);
        Assert.Contains("edge filter 9", answers[4].Message, StringComparison.Ordinal);
        Assert.Contains("queue capacity 10000000", answers[5].Message, StringComparison.Ordinal);
        Assert.Empty(Chip.Transitions());
    }
}
