using RemoteIo.Actors.Pins.Tests.Support;
using RemoteIo.Actors.Protocol;
using Xunit;

namespace RemoteIo.Actors.Pins.Tests;

public sealed class WaitModeTests : PinsTestKit
{
    private const int Pin = 17;

    [Fact]
    public void Wait_OnOffBlinkSentAtOnce_RunInOrderWithExactEdges()
    {
        var client = Client();
        ClaimOutput(client, Pin);
        Chip.ClearTransitions();

        var on = Cmd.On(Pin, 2000);
        var off = Cmd.Off(Pin);
        var blink = Cmd.Blink(Pin, 1000, 100, 100);
        Send(client, on, off, blink);
        ExpectAccepted(client, on, off, blink);
        client.ExpectNoMsg();

        AdvanceMs(4000);

        var expected = new List<(double, bool)> { (0, true), (2000, false) };
        expected.AddRange(SquareWave(2000, 3000, 100, 100));
        AssertTimeline(expected, Edges(Pin));
        var onDone = ExpectOutcome(client, on, OutcomeKind.Completed);
        Assert.Equal((0L, 2_000_000_000L), (onDone.StartedAtNs, onDone.EndedAtNs));
        var offDone = ExpectOutcome(client, off, OutcomeKind.Completed);
        Assert.Equal(2_000_000_000L, offDone.StartedAtNs);
        var blinkDone = ExpectOutcome(client, blink, OutcomeKind.Completed);
        Assert.Equal((2_000_000_000L, 3_000_000_000L), (blinkDone.StartedAtNs, blinkDone.EndedAtNs));
        client.ExpectNoMsg();
    }

    [Fact]
    public void Wait_ChainedImpulses_StayHighWithoutAGlitchAndEndExactly()
    {
        var client = Client();
        ClaimOutput(client, Pin);
        Chip.ClearTransitions();

        var first = Cmd.On(Pin, 1000);
        var second = Cmd.On(Pin, 500);
        Send(client, first, second);
        AdvanceMs(2000);

        AssertTimeline([(0, true), (1500, false)], Edges(Pin));
        ExpectAccepted(client, first, second);
        Assert.Equal(1_000_000_000L, ExpectOutcome(client, first, OutcomeKind.Completed).EndedAtNs);
        Assert.Equal(1_500_000_000L, ExpectOutcome(client, second, OutcomeKind.Completed).EndedAtNs);
    }

    [Fact]
    public void Wait_CommandsArrivingWhileBusy_StartWhenThePreviousEnds()
    {
        var client = Client();
        ClaimOutput(client, Pin);
        Chip.ClearTransitions();

        var impulse = Cmd.On(Pin, 1000);
        Send(client, impulse);
        AdvanceMs(300);
        var pause = Cmd.Off(Pin, 200);
        var again = Cmd.On(Pin, 100);
        Send(client, pause, again);
        AdvanceMs(2000);

        AssertTimeline([(0, true), (1000, false), (1200, true), (1300, false)], Edges(Pin));
        ExpectAccepted(client, impulse, pause, again);
        ExpectOutcome(client, impulse, OutcomeKind.Completed);
        var pauseDone = ExpectOutcome(client, pause, OutcomeKind.Completed);
        Assert.Equal((1_000_000_000L, 1_200_000_000L), (pauseDone.StartedAtNs, pauseDone.EndedAtNs));
        ExpectOutcome(client, again, OutcomeKind.Completed);
    }

    [Fact]
    public void Wait_TwoPins_RunIndependentlyAndInterleaveExactly()
    {
        var client = Client();
        ClaimOutput(client, 17);
        ClaimOutput(client, 27);
        Chip.ClearTransitions();

        Send(client, Cmd.Blink(17, 1000, 300, 200), Cmd.On(27, 450), Cmd.Blink(27, 500, 50, 50));
        AdvanceMs(2000);

        AssertTimeline(SquareWave(0, 1000, 300, 200), Edges(17));
        // The blink starts high where the impulse ended high: one continuous high, no glitch at 450 ms.
        var pin27 = new List<(double, bool)> { (0, true) };
        pin27.AddRange(SquareWave(450, 950, 50, 50).Skip(1));
        AssertTimeline(pin27, Edges(27));
        var all = Chip.Transitions().Select(t => (t.TimestampNanoseconds / 1e6, t.Line)).ToList();
        Assert.Contains((300.0, 17), all);
        Assert.Contains((500.0, 27), all);
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Item1 <= p.Second.Item1), "the chip's log is in time order across both pins");
    }

    [Fact]
    public void Wait_UntimedBlink_RunsUntilTheNextCommandReplacesIt()
    {
        var client = Client();
        ClaimOutput(client, Pin);
        Chip.ClearTransitions();

        var blink = Cmd.Blink(Pin, 0, 100, 100);
        Send(client, blink);
        AdvanceMs(450);
        ExpectAccepted(client, blink);
        client.ExpectNoMsg();
        var off = Cmd.Off(Pin);
        Send(client, off);

        // The replaced blink ends before the off is accepted.
        var done = ExpectOutcome(client, blink, OutcomeKind.Completed);
        Assert.Equal(450_000_000L, done.EndedAtNs);
        ExpectAccepted(client, off);
        ExpectOutcome(client, off, OutcomeKind.Completed);
        AssertTimeline([.. SquareWave(0, 450, 100, 100), (450, false)], Edges(Pin));
    }
}
