using RemoteIo.Actors.Pins.Tests.Support;
using RemoteIo.Actors.Protocol;
using Xunit;

namespace RemoteIo.Actors.Pins.Tests;

public sealed class PolicyTests : PinsTestKit
{
    private const int Pin = 23;

    [Fact]
    public void RejectIfBusy_WhileATimedCommandRuns_IsRejectedAndChangesNothing()
    {
        var client = Client();
        ClaimOutput(client, Pin);
        Chip.ClearTransitions();

        var on = Cmd.On(Pin, 1000);
        Send(client, on);
        AdvanceMs(100);
        var probe = Cmd.Off(Pin, 0, CommandPolicy.RejectIfBusy);
        Send(client, probe);

        ExpectAccepted(client, on);
        var rejected = ExpectOutcome(client, probe, OutcomeKind.Rejected);
        Assert.Equal(RejectReason.PinBusyNow, rejected.Reason);
        Assert.Contains("GPIO 23", rejected.Message, StringComparison.Ordinal);
        AdvanceMs(2000);
        ExpectOutcome(client, on, OutcomeKind.Completed);
        AssertTimeline([(0, true), (1000, false)], Edges(Pin));
    }

    [Fact]
    public void RejectIfBusy_OnAnIdlePin_Runs()
    {
        var client = Client();
        ClaimOutput(client, Pin);
        Chip.ClearTransitions();

        var on = Cmd.On(Pin, 300, CommandPolicy.RejectIfBusy);
        Send(client, on);
        AdvanceMs(1000);

        ExpectAccepted(client, on);
        ExpectOutcome(client, on, OutcomeKind.Completed);
        AssertTimeline([(0, true), (300, false)], Edges(Pin));
    }

    [Fact]
    public void Replace_InAWaitSession_CutsTheRunningCommand()
    {
        var client = Client();
        ClaimOutput(client, Pin);
        Chip.ClearTransitions();

        var blink = Cmd.Blink(Pin, 1000, 100, 100);
        var queued = Cmd.On(Pin, 100);
        Send(client, blink, queued);
        AdvanceMs(250);
        var replace = Cmd.Off(Pin, 0, CommandPolicy.Replace);
        Send(client, replace);

        ExpectAccepted(client, blink, queued);
        ExpectOutcome(client, queued, OutcomeKind.Superseded);
        Assert.Equal(250_000_000L, ExpectOutcome(client, blink, OutcomeKind.Interrupted).EndedAtNs);
        ExpectAccepted(client, replace);
        ExpectOutcome(client, replace, OutcomeKind.Completed);
        AdvanceMs(2000);
        AssertTimeline([(0, true), (100, false), (200, true), (250, false)], Edges(Pin));
    }

    [Fact]
    public void Queue_InANowaitSession_WaitsForTheRunningCommand()
    {
        var client = Client();
        OpenSession(client, Mode.Nowait);
        ClaimOutput(client, Pin);
        Chip.ClearTransitions();

        var on = Cmd.On(Pin, 400);
        var queued = Cmd.Blink(Pin, 200, 50, 50, CommandPolicy.Queue);
        Send(client, on, queued);
        AdvanceMs(1000);

        ExpectAccepted(client, on, queued);
        ExpectOutcome(client, on, OutcomeKind.Completed);
        ExpectOutcome(client, queued, OutcomeKind.Completed);
        AssertTimeline([(0, true), (450, false), (500, true), (550, false)], Edges(Pin));
    }
}
