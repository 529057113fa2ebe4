using RemoteIo.Actors.Pins.Tests.Support;
using RemoteIo.Actors.Protocol;
using Xunit;

namespace RemoteIo.Actors.Pins.Tests;

public sealed class SoftCloseTests : PinsTestKit
{
    [Fact]
    public void Close_AfterQueuedWork_RunsItThenReleasesAndLaterCommandsArePinClosed()
    {
        const int pin = 5;
        var client = Client();
        ClaimOutput(client, pin);
        Chip.ClearTransitions();

        var on = Cmd.On(pin, 1000);
        var blink = Cmd.Blink(pin, 1000, 100, 100);
        var close = Cmd.Close(pin);
        var tooLate = Cmd.On(pin);
        Send(client, on, blink, close, tooLate);

        ExpectAccepted(client, on, blink, close);
        var early = ExpectOutcome(client, tooLate, OutcomeKind.Rejected);
        Assert.Equal(RejectReason.PinClosed, early.Reason);
        Assert.Contains("pin closed", early.Message, StringComparison.Ordinal);

        AdvanceMs(3000);
        ExpectOutcome(client, on, OutcomeKind.Completed);
        ExpectOutcome(client, blink, OutcomeKind.Completed);
        var closed = ExpectOutcome(client, close, OutcomeKind.Completed);
        Assert.Equal(2_000_000_000L, closed.EndedAtNs);
        client.ExpectMsg<PinNotice>(n => n.Kind == PinNotice.Types.Kind.Released && n.Gpio == pin);
        AssertTimeline([(0, true), .. SquareWave(1000, 2000, 100, 100).Skip(1)], Edges(pin));
        Assert.False(Chip.GetLevel(pin).IsHigh);

        var later = Cmd.On(pin);
        Send(client, later);
        var refused = ExpectOutcome(client, later, OutcomeKind.Rejected);
        Assert.Equal(RejectReason.PinClosed, refused.Reason);
        Assert.Contains("pin closed", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Close_OfAPinHeldHigh_LeavesItAtItsSafeLevel()
    {
        const int pin = 6;
        var client = Client();
        ClaimOutput(client, pin);
        Send(client, Cmd.On(pin));
        Assert.True(Chip.GetLevel(pin).IsHigh);

        Send(client, Cmd.Close(pin));
        AdvanceMs(10);

        Assert.False(Chip.GetLevel(pin).IsHigh);
        client.FishForMessage(m => m is PinNotice { Kind: PinNotice.Types.Kind.Released });
    }

    [Fact]
    public void SessionEnd_With60QueuedTimedCommands_RunsThemAllBeforeReleasingAndOthersAreBusyMeanwhile()
    {
        int[] pins = [17, 27, 22];
        var client = Client("client-a");
        OpenSession(client, Mode.Wait, "lab-1");
        foreach (var pin in pins)
        {
            ClaimOutput(client, pin);
        }

        Chip.ClearTransitions();
        foreach (var pin in pins)
        {
            for (var i = 0; i < 20; i++)
            {
                client.Send(Pins, i % 2 == 0 ? Cmd.On(pin, 50) : Cmd.Off(pin, 50));
            }
        }

        var close = new CloseSession { RequestId = Cmd.NextId() };
        client.Send(Pins, close);
        Flush();
        var outcomes = client.ReceiveN(60).Cast<CommandOutcome>().ToList();
        Assert.All(outcomes, o => Assert.Equal(OutcomeKind.Accepted, o.Kind));

        var other = Client("client-b");
        AdvanceMs(500);
        other.Send(Pins, Cmd.Claim(Cmd.Gpio(27)));
        Flush();
        var busy = other.ExpectMsg<RequestRejected>();
        Assert.Equal(RejectReason.Busy, busy.Reason);
        Assert.Contains("GPIO 27 (board 13)", busy.Message, StringComparison.Ordinal);
        Assert.Contains("lab-1", busy.Message, StringComparison.Ordinal);

        AdvanceMs(500);
        var completed = client.ReceiveN(60 + 3 + 1).ToList();
        Assert.Equal(60, completed.OfType<CommandOutcome>().Count(o => o.Kind == OutcomeKind.Completed));
        Assert.Equal(3, completed.OfType<PinNotice>().Count(n => n.Kind == PinNotice.Types.Kind.Released));
        var sessionClosed = Assert.Single(completed.OfType<SessionClosed>());
        Assert.Equal(close.RequestId, sessionClosed.RequestId);
        Assert.Equal([17u, 22u, 27u], sessionClosed.ReleasedGpios.Order());
        foreach (var pin in pins)
        {
            AssertTimeline(SquareWave(0, 1000, 50, 50), Edges(pin));
        }

        other.Send(Pins, Cmd.Claim(Cmd.Gpio(27)));
        Flush();
        other.ExpectMsg<PinClaimed>(c => c.Gpio == 27);
    }

    [Fact]
    public void CloseSession_CommandsSentAfterIt_ArePinClosed()
    {
        const int pin = 25;
        var client = Client();
        ClaimOutput(client, pin);
        var on = Cmd.On(pin, 500);
        Send(client, on);
        client.Send(Pins, new CloseSession { RequestId = 3 });
        var late = Cmd.Off(pin);
        Send(client, late);

        ExpectAccepted(client, on);
        var refused = ExpectOutcome(client, late, OutcomeKind.Rejected);
        Assert.Equal(RejectReason.PinClosed, refused.Reason);
        Assert.Contains("pin closed", refused.Message, StringComparison.Ordinal);
        AdvanceMs(600);
        ExpectOutcome(client, on, OutcomeKind.Completed);
        client.ExpectMsg<PinNotice>(n => n.Kind == PinNotice.Types.Kind.Released);
        Assert.Equal([(uint)pin], client.ExpectMsg<SessionClosed>().ReleasedGpios);
    }

    [Fact]
    public void ClientDeath_SoftClosesItsPinsAfterTheirQueuedWork()
    {
        const int pin = 24;
        var client = Client();
        ClaimOutput(client, pin);
        Chip.ClearTransitions();
        Send(client, Cmd.On(pin, 300), Cmd.Blink(pin, 200, 50, 50));

        Sys.Stop(client.Ref);
        AdvanceMs(1000);

        AssertTimeline([(0, true), .. SquareWave(300, 500, 50, 50).Skip(1)], Edges(pin));
        var other = Client();
        other.Send(Pins, Cmd.Claim(Cmd.Gpio(pin)));
        Flush();
        other.ExpectMsg<PinClaimed>();
    }
}
