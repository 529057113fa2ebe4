using RemoteIo.Actors.Pins.Tests.Support;
using RemoteIo.Actors.Protocol;
using Xunit;

namespace RemoteIo.Actors.Pins.Tests;

public sealed class InterlockTests() : PinsTestKit(PinsSettings.Default
    .WithPin(17, new PinSettings { MaxOnTime = TimeSpan.FromSeconds(5) })
    .WithExclusiveGroup(new ExclusiveGroup("h-bridge-A", [5, 6])))
{
    [Fact]
    public void MaxOnTime_OnWithoutDuration_IsCutAndTheOwnerIsTold()
    {
        var client = Client();
        ClaimOutput(client, 17);
        Chip.ClearTransitions();

        var on = Cmd.On(17);
        Send(client, on);
        ExpectAccepted(client, on);
        AdvanceMs(4999);
        client.ExpectNoMsg();
        AdvanceMs(1);

        var cut = ExpectOutcome(client, on, OutcomeKind.Interrupted);
        Assert.Equal(5_000_000_000L, cut.EndedAtNs);
        Assert.Contains("max on-time", cut.Message, StringComparison.Ordinal);
        var notice = client.ExpectMsg<PinNotice>();
        Assert.Equal(PinNotice.Types.Kind.MaxOnTime, notice.Kind);
        AssertTimeline([(0, true), (5000, false)], Edges(17));
    }

    [Fact]
    public void MaxOnTime_ChainOfQueuedImpulses_IsCutOnceTheStretchReachesTheLimit()
    {
        var client = Client();
        ClaimOutput(client, 17);
        Chip.ClearTransitions();

        var first = Cmd.On(17, 3000);
        var second = Cmd.On(17, 3000);
        var third = Cmd.On(17, 1000);
        var off = Cmd.Off(17, 1000);
        var fresh = Cmd.On(17, 1000);
        Send(client, first, second, third, off, fresh);
        AdvanceMs(12_000);

        ExpectAccepted(client, first, second, third, off, fresh);
        ExpectOutcome(client, first, OutcomeKind.Completed);
        Assert.Equal(5_000_000_000L, ExpectOutcome(client, second, OutcomeKind.Interrupted).EndedAtNs);
        client.ExpectMsg<PinNotice>(n => n.Kind == PinNotice.Types.Kind.MaxOnTime);
        var third0 = ExpectOutcome(client, third, OutcomeKind.Interrupted);
        Assert.Equal(third0.StartedAtNs, third0.EndedAtNs);
        client.ExpectMsg<PinNotice>(n => n.Kind == PinNotice.Types.Kind.MaxOnTime);
        ExpectOutcome(client, off, OutcomeKind.Completed);
        ExpectOutcome(client, fresh, OutcomeKind.Completed);
        AssertTimeline([(0, true), (5000, false), (6000, true), (7000, false)], Edges(17));
    }

    [Fact]
    public void ExclusiveGroup_SecondLegWhileFirstIsHigh_IsRejectedNamingTheGroup()
    {
        var client = Client();
        ClaimOutput(client, 5);
        ClaimOutput(client, 6);
        Chip.ClearTransitions();

        var forward = Cmd.On(5);
        var reverse = Cmd.On(6);

        // One after the other: the two pins' actors run in parallel, and the first to energise holds the group.
        Send(client, forward);
        Send(client, reverse);

        ExpectAccepted(client, forward);
        ExpectOutcome(client, forward, OutcomeKind.Completed);
        var refused = ExpectOutcome(client, reverse, OutcomeKind.Rejected);
        Assert.Equal(RejectReason.Interlock, refused.Reason);
        Assert.Contains("'h-bridge-A'", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Chip.Transitions(6));

        Send(client, Cmd.Off(5));
        var afterwards = Cmd.On(6, 100);
        Send(client, afterwards);
        client.FishForMessage(m => m is CommandOutcome { Kind: OutcomeKind.Accepted } o && o.CommandId == afterwards.CommandId);
        Assert.True(Chip.GetLevel(6).IsHigh);
    }

    [Fact]
    public void ExclusiveGroup_LegOwnedByAnotherSessionBlinking_RefusesTheOtherLegEvenWhileLow()
    {
        var a = Client();
        var b = Client();
        ClaimOutput(a, 5);
        ClaimOutput(b, 6);
        Send(a, Cmd.Blink(5, 1000, 100, 100));
        AdvanceMs(150);
        Assert.False(Chip.GetLevel(5).IsHigh);

        var reverse = Cmd.On(6);
        Send(b, reverse);
        Assert.Equal(RejectReason.Interlock, ExpectOutcome(b, reverse, OutcomeKind.Rejected).Reason);

        AdvanceMs(1000);
        var later = Cmd.On(6);
        Send(b, later);
        ExpectAccepted(b, later);
    }
}
