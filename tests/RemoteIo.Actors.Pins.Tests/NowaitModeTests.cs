using RemoteIo.Actors.Pins.Tests.Support;
using RemoteIo.Actors.Protocol;
using Xunit;

namespace RemoteIo.Actors.Pins.Tests;

public sealed class NowaitModeTests : PinsTestKit
{
    private const int Pin = 22;

    [Fact]
    public void Nowait_OffWhileImpulseRuns_CutsItAtOnceAndReportsItInterrupted()
    {
        var client = NowaitClient();

        var on = Cmd.On(Pin, 2000);
        Send(client, on);
        AdvanceMs(500);
        var off = Cmd.Off(Pin);
        Send(client, off);
        AdvanceMs(3000);

        AssertTimeline([(0, true), (500, false)], Edges(Pin));
        ExpectAccepted(client, on);
        var cut = ExpectOutcome(client, on, OutcomeKind.Interrupted, "the interrupted command ends before its replacement is accepted");
        Assert.Equal((0L, 500_000_000L), (cut.StartedAtNs, cut.EndedAtNs));
        Assert.Contains($"#{off.CommandId}", cut.Message, StringComparison.Ordinal);
        ExpectAccepted(client, off);
        ExpectOutcome(client, off, OutcomeKind.Completed);
        client.ExpectNoMsg();
    }

    [Fact]
    public void Nowait_ReplaceWithQueuedWork_SupersedesWhatNeverStarted()
    {
        var client = NowaitClient();

        var on = Cmd.On(Pin, 2000);
        var queued = Cmd.Blink(Pin, 1000, 100, 100, CommandPolicy.Queue);
        var queuedToo = Cmd.Off(Pin, 100, CommandPolicy.Queue);
        Send(client, on, queued, queuedToo);
        ExpectAccepted(client, on, queued, queuedToo);
        AdvanceMs(700);
        var replace = Cmd.On(Pin, 100);
        Send(client, replace);
        AdvanceMs(3000);

        ExpectOutcome(client, queued, OutcomeKind.Superseded);
        ExpectOutcome(client, queuedToo, OutcomeKind.Superseded);
        Assert.Equal(700_000_000L, ExpectOutcome(client, on, OutcomeKind.Interrupted).EndedAtNs);
        ExpectAccepted(client, replace);
        Assert.Equal(800_000_000L, ExpectOutcome(client, replace, OutcomeKind.Completed).EndedAtNs);
        client.ExpectNoMsg();
        AssertTimeline([(0, true), (800, false)], Edges(Pin));
    }

    [Fact]
    public void Nowait_StaleCompletionOfACutCommand_IsDropped()
    {
        var client = NowaitClient();

        var first = Cmd.On(Pin, 1000);
        Send(client, first);
        AdvanceMs(999);
        var second = Cmd.On(Pin, 1000);
        Send(client, second);
        AdvanceMs(5000);

        ExpectAccepted(client, first);
        ExpectOutcome(client, first, OutcomeKind.Interrupted);
        ExpectAccepted(client, second);
        Assert.Equal(1_999_000_000L, ExpectOutcome(client, second, OutcomeKind.Completed).EndedAtNs);
        client.ExpectNoMsg();
    }

    [Fact]
    public void Nowait_ReplaceAsAChainedCommandTakesOver_OldOutcomesPrecedeTheNewAccepted()
    {
        var client = NowaitClient();

        var first = Cmd.On(Pin, 500);
        var chained = Cmd.Blink(Pin, 1000, 100, 100, CommandPolicy.Queue);
        var later = Cmd.Off(Pin, 300, CommandPolicy.Queue);
        Send(client, first, chained, later);
        ExpectAccepted(client, first, chained, later);

        AdvanceMs(500);
        var replace = Cmd.On(Pin);
        Send(client, replace);

        var outcomes = client.ReceiveN(5).Cast<CommandOutcome>().Select(o => (o.CommandId, o.Kind, o.EndedAtNs)).ToList();
        Assert.Equal(
            [
                (first.CommandId, OutcomeKind.Completed, 500_000_000L),
                (later.CommandId, OutcomeKind.Superseded, 0L),
                (chained.CommandId, OutcomeKind.Interrupted, 500_000_000L),
                (replace.CommandId, OutcomeKind.Accepted, 0L),
                (replace.CommandId, OutcomeKind.Completed, 500_000_000L),
            ],
            outcomes);
        client.ExpectNoMsg();
        AdvanceMs(2000);
        AssertTimeline([(0, true)], Edges(Pin));
    }

    /// <summary>A nowait session holding <see cref="Pin"/>, with the transition log cleared.</summary>
    private TestKit.TestProbe NowaitClient()
    {
        var client = Client();
        OpenSession(client, Mode.Nowait);
        ClaimOutput(client, Pin);
        Chip.ClearTransitions();
        return client;
    }
}
