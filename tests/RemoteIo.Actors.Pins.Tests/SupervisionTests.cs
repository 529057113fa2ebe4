using RemoteIo.Actors.Gpio.Simulation;
using RemoteIo.Actors.Pins.Tests.Support;
using RemoteIo.Actors.Protocol;
using Xunit;

namespace RemoteIo.Actors.Pins.Tests;

public sealed class SupervisionTests() : PinsTestKit(driver: clock => new FaultyGpioDriver(new SimulatedGpioDriver(new SimulatedGpioChip(clock))))
{
    private const int Pin = 17;

    private FaultyGpioDriver Faulty => (FaultyGpioDriver)Driver;

    [Fact]
    public void DriverFault_WhileBlinking_PinSafeOwnerToldActorRestartedQueuedAndLaterWorkRuns()
    {
        var client = Client();
        ClaimOutput(client, Pin);
        Chip.ClearTransitions();
        var on = Cmd.On(Pin, 1000);
        var blink = Cmd.Blink(Pin, 500, 50, 50);
        var off = Cmd.Off(Pin, 200);
        Send(client, on, blink, off);
        ExpectAccepted(client, on, blink, off);

        // Two failures: the scheduler retries a failed batched write line by line before it gives up.
        Faulty.FailWrites(Pin, 2);
        AdvanceMs(1300);

        ExpectOutcome(client, on, OutcomeKind.Completed);
        var cut = ExpectOutcome(client, blink, OutcomeKind.Interrupted);
        Assert.Equal(RejectReason.DriverFault, cut.Reason);
        Assert.Contains("injected write fault", cut.Message, StringComparison.Ordinal);
        var notice = client.ExpectMsg<PinNotice>();
        Assert.Equal((PinNotice.Types.Kind.DriverFault, (uint)Pin), (notice.Kind, notice.Gpio));
        Assert.False(Chip.GetLevel(Pin).IsHigh);
        var offDone = ExpectOutcome(client, off, OutcomeKind.Completed);
        Assert.Equal((1_050_000_000L, 1_250_000_000L), (offDone.StartedAtNs, offDone.EndedAtNs));

        Chip.ClearTransitions();
        var later = Cmd.On(Pin, 100);
        Send(client, later);
        AdvanceMs(500);
        ExpectAccepted(client, later);
        ExpectOutcome(client, later, OutcomeKind.Completed);
        AssertTimeline([(1300, true), (1400, false)], Edges(Pin));
    }

    [Fact]
    public void DriverFault_OnTheFirstWrite_InterruptsTheCommandAndKeepsTheClaim()
    {
        var client = Client();
        ClaimOutput(client, Pin);

        Faulty.FailWrites(Pin, 1);
        var on = Cmd.On(Pin, 100);
        Send(client, on);

        ExpectAccepted(client, on);
        var cut = ExpectOutcome(client, on, OutcomeKind.Interrupted);
        Assert.Equal(RejectReason.DriverFault, cut.Reason);
        client.ExpectMsg<PinNotice>(n => n.Kind == PinNotice.Types.Kind.DriverFault);
        var again = Cmd.On(Pin, 100);
        Send(client, again);
        ExpectAccepted(client, again);
    }
}

public sealed class OutOfServiceTests() : PinsTestKit(
    PinsSettings.Default.WithPinRestarts(0, TimeSpan.FromMinutes(1)),
    clock => new FaultyGpioDriver(new SimulatedGpioDriver(new SimulatedGpioChip(clock))))
{
    [Fact]
    public void DriverFault_BeyondTheRestartBudget_TakesThePinOutOfServiceAndEndsTheClaim()
    {
        const int pin = 27;
        var client = Client();
        ClaimOutput(client, pin);
        var blink = Cmd.Blink(pin, 1000, 100, 100);
        var queued = Cmd.Off(pin, 100);
        Send(client, blink, queued);
        ExpectAccepted(client, blink, queued);

        ((FaultyGpioDriver)Driver).FailWrites(pin, 2);
        AdvanceMs(1000);

        var messages = client.ReceiveN(3);
        Assert.Contains(messages, m => m is CommandOutcome { Kind: OutcomeKind.Interrupted, Reason: RejectReason.DriverFault } o && o.CommandId == blink.CommandId);
        Assert.Contains(messages, m => m is CommandOutcome { Kind: OutcomeKind.Rejected } o && o.CommandId == queued.CommandId);
        Assert.Contains(messages, m => m is PinNotice { Kind: PinNotice.Types.Kind.DriverFault } n && n.Message.Contains("out of service", StringComparison.Ordinal));
        Assert.False(Chip.GetLevel(pin).IsHigh);

        var after = Cmd.On(pin);
        Send(client, after);
        Assert.Equal(RejectReason.NotClaimed, ExpectOutcome(client, after, OutcomeKind.Rejected).Reason);
        client.Send(Pins, Cmd.Claim(Cmd.Gpio(pin)));
        Flush();
        client.FishForMessage(m => m is PinClaimed);
    }
}
