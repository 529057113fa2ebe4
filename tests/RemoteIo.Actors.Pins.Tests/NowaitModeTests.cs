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
        var client = Client();
        OpenSession(client, Mode.Nowait);
        ClaimOutput(client, Pin);
        Chip.ClearTransitions();

        var on = Cmd.On(Pin, 2000);
        Send(client, on);
        AdvanceMs(500);
        var off = Cmd.Off(Pin);
        Send(client, off);
        AdvanceMs(3000);

        AssertTimeline([(0, true), (500, false)], Edges(Pin));
        ExpectAccepted(client, on);
        ExpectAccepted(client, off);
        ExpectOutcome(client, off, OutcomeKind.Completed);
        var cut = ExpectOutcome(client, on, OutcomeKind.Interrupted);
        Assert.Equal((0L, 500_000_000L), (cut.StartedAtNs, cut.EndedAtNs));
        Assert.Contains($"#{off.CommandId}", cut.Message, StringComparison.Ordinal);
        client.ExpectNoMsg();
    }

    [Fact]
    public void Nowait_ReplaceWithQueuedWork_SupersedesWhatNeverStarted()
    {
        var client = Client();
        OpenSession(client, Mode.Nowait);
        ClaimOutput(client, Pin);
        Chip.ClearTransitions();

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
        ExpectAccepted(client, replace);
        Assert.Equal(700_000_000L, ExpectOutcome(client, on, OutcomeKind.Interrupted).EndedAtNs);
        Assert.Equal(800_000_000L, ExpectOutcome(client, replace, OutcomeKind.Completed).EndedAtNs);
        client.ExpectNoMsg();
        AssertTimeline([(0, true), (800, false)], Edges(Pin));
    }

    [Fact]
    public void Nowait_StaleCompletionOfACutCommand_IsDropped()
    {
        var client = Client();
        OpenSession(client, Mode.Nowait);
        ClaimOutput(client, Pin);

        var first = Cmd.On(Pin, 1000);
        Send(client, first);
        AdvanceMs(999);
        var second = Cmd.On(Pin, 1000);
        Send(client, second);
        AdvanceMs(5000);

        ExpectAccepted(client, first);
        ExpectAccepted(client, second);
        ExpectOutcome(client, first, OutcomeKind.Interrupted);
        Assert.Equal(1_999_000_000L, ExpectOutcome(client, second, OutcomeKind.Completed).EndedAtNs);
        client.ExpectNoMsg();
    }
}
