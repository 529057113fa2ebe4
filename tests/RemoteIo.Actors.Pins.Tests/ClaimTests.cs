using RemoteIo.Actors.Pins.Tests.Support;
using RemoteIo.Actors.Protocol;
using Xunit;

namespace RemoteIo.Actors.Pins.Tests;

public sealed class ClaimTests : PinsTestKit
{
    [Fact]
    public void Claim_Board7ThenGpio4BySameSession_IsADuplicate()
    {
        var client = Client();
        client.Send(Pins, Cmd.Claim(Cmd.Board(7)));
        Flush();
        var claimed = client.ExpectMsg<PinClaimed>();
        Assert.Equal((4u, 7u, false), (claimed.Gpio, claimed.Board, claimed.Level));

        var again = Cmd.Claim(Cmd.Gpio(4));
        client.Send(Pins, again);
        Flush();
        var duplicate = client.ExpectMsg<RequestRejected>();
        Assert.Equal((again.RequestId, RejectReason.Duplicate), (duplicate.RequestId, duplicate.Reason));
        Assert.Contains("GPIO 4 (board 7)", duplicate.Message, StringComparison.Ordinal);
        Assert.Contains("board 7", duplicate.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "board pin 2 is 5V power, not a GPIO")]
    [InlineData(6, "board pin 6 is ground, not a GPIO")]
    [InlineData(1, "board pin 1 is 3.3V power, not a GPIO")]
    [InlineData(41, "board pin 41 does not exist")]
    public void Claim_PowerGroundOrMissingBoardPin_IsNotAGpio(int position, string message)
    {
        var client = Client();
        client.Send(Pins, Cmd.Claim(Cmd.Board(position)));
        Flush();

        var refused = client.ExpectMsg<RequestRejected>();
        Assert.Equal(RejectReason.NotAGpio, refused.Reason);
        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
        Assert.Empty(Chip.Transitions());
    }

    [Fact]
    public void Claim_GpioBeyondTheSimulatedChip_IsNotAGpio()
    {
        // The simulated chip (54 lines here) lets clients claim its lines past the header; beyond its last line there is nothing.
        var client = Client();
        client.Send(Pins, Cmd.Claim(Cmd.Gpio(60)));
        Flush();

        var refused = client.ExpectMsg<RequestRejected>();
        Assert.Equal(RejectReason.NotAGpio, refused.Reason);
        Assert.Contains("GPIO 60", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Claim_PinOwnedByAnotherSession_IsBusyNamingPinAndOwner()
    {
        var first = Client();
        OpenSession(first, Mode.Wait, "lab-2");
        ClaimOutput(first, 17);

        var second = Client();
        second.Send(Pins, Cmd.Claim(Cmd.Board(11)));
        Flush();

        var busy = second.ExpectMsg<RequestRejected>();
        Assert.Equal(RejectReason.Busy, busy.Reason);
        Assert.Equal("GPIO 17 (board 11) is busy: claimed by session 'lab-2' (s1)", busy.Message);
    }

    [Fact]
    public void Claim_LineHeldByAnotherProcess_IsBusyNamingTheHolder()
    {
        using var other = new Gpio.GpioController(new Gpio.Simulation.SimulatedGpioDriver(Chip), "other-daemon");
        other.OpenPin(12, Gpio.PinMode.Output);
        var client = Client();

        client.Send(Pins, Cmd.Claim(Cmd.Gpio(12)));
        Flush();

        var busy = client.ExpectMsg<RequestRejected>();
        Assert.Equal(RejectReason.Busy, busy.Reason);
        Assert.Contains("GPIO 12 (board 32)", busy.Message, StringComparison.Ordinal);
        Assert.Contains("other-daemon", busy.Message, StringComparison.Ordinal);

        other.ClosePin(12);
        client.Send(Pins, Cmd.Claim(Cmd.Gpio(12)));
        Flush();
        client.ExpectMsg<PinClaimed>();
    }

    [Fact]
    public void Command_ForAPinNotClaimed_IsRejectedAndNothingIsDriven()
    {
        var owner = Client();
        ClaimOutput(owner, 17);
        var stranger = Client();
        Chip.ClearTransitions();

        var foreign = Cmd.On(17);
        var unclaimed = Cmd.On(18);
        stranger.Send(Pins, foreign);
        stranger.Send(Pins, unclaimed);
        Flush();

        Assert.Equal(RejectReason.NotClaimed, ExpectOutcome(stranger, foreign, OutcomeKind.Rejected).Reason);
        Assert.Equal(RejectReason.NotClaimed, ExpectOutcome(stranger, unclaimed, OutcomeKind.Rejected).Reason);
        Assert.Empty(Chip.Transitions());
    }

    [Fact]
    public void OpenSession_Twice_AnswersTheSameSessionAndKeepsItsMode()
    {
        var client = Client();
        client.Send(Pins, new OpenSession { RequestId = 1, ClientName = "cli", Mode = Mode.Nowait });
        client.Send(Pins, new OpenSession { RequestId = 2, ClientName = "cli", Mode = Mode.Wait });
        Flush();

        var first = client.ExpectMsg<SessionOpened>();
        var second = client.ExpectMsg<SessionOpened>();
        Assert.Equal(first.SessionId, second.SessionId);
        Assert.Equal(Mode.Nowait, second.Mode);
    }

    [Fact]
    public void OpenSession_HostDefault_IsTheConfiguredMode()
    {
        var client = Client();
        client.Send(Pins, new OpenSession { RequestId = 1 });
        Flush();

        Assert.Equal(Mode.Wait, client.ExpectMsg<SessionOpened>().Mode);
    }
}
