using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Pins.Tests.Support;
using RemoteIo.Actors.Protocol;
using Xunit;

namespace RemoteIo.Actors.Pins.Tests;

public abstract class ShutdownTestKit(PinsSettings settings) : PinsTestKit(settings)
{
    protected Task RunShutdown() => CoordinatedShutdown.Get(Sys).Run(new ShutdownReason("test"));

    protected void AwaitStoppedAccepting()
    {
        var other = Client();
        other.AwaitCondition(
            () =>
            {
                other.Send(Pins, new OpenSession { RequestId = 1 });
                Flush();
                return other.ExpectMsg<object>() is RequestRejected { Reason: RejectReason.ShuttingDown };
            },
            message: "the pins refuse new sessions");
    }

    protected void AwaitDraining(int gpio)
    {
        var asker = Client();
        asker.AwaitCondition(
            () =>
            {
                asker.Send(Pins, new GetPinStates { RequestId = 1 });
                Flush();
                return asker.ExpectMsg<PinStates>().Pins.Any(p => p.Gpio == gpio && p.Draining);
            },
            message: $"GPIO {gpio} drains");
    }

    protected static void AwaitDone(Task shutdown) => Assert.True(shutdown.Wait(TimeSpan.FromSeconds(10)), "the coordinated shutdown finished");
}

public sealed class DrainShutdownTests() : ShutdownTestKit(PinsSettings.Default.WithPin(18, new PinSettings { SafeLevel = PinValue.High }))
{
    [Fact]
    public void Shutdown_Drain_RunsQueuedWorkThenLeavesEveryPinSafeAndClosed()
    {
        var client = Client();
        ClaimOutput(client, 17);
        ClaimOutput(client, 18);
        Chip.ClearTransitions();
        var on = Cmd.On(17, 1000);
        var blink = Cmd.Blink(17, 1000, 100, 100);
        var hold = Cmd.Off(18);
        Send(client, on, blink, hold);

        var shutdown = RunShutdown();
        AwaitStoppedAccepting();
        var refused = Cmd.On(18);
        Send(client, refused);
        AwaitDraining(17);
        AdvanceMs(2500);
        AwaitDone(shutdown);

        var outcomes = client.ReceiveN(9);
        var rejected = Assert.Single(outcomes.OfType<CommandOutcome>(), o => o.Kind == OutcomeKind.Rejected);
        Assert.Equal((refused.CommandId, RejectReason.ShuttingDown), (rejected.CommandId, rejected.Reason));
        Assert.Equal(3, outcomes.OfType<CommandOutcome>().Count(o => o.Kind == OutcomeKind.Accepted));
        Assert.Equal(3, outcomes.OfType<CommandOutcome>().Count(o => o.Kind == OutcomeKind.Completed));
        Assert.Equal(2, outcomes.OfType<PinNotice>().Count(n => n.Kind == PinNotice.Types.Kind.Released));
        AssertTimeline([(0, true), .. SquareWave(1000, 2000, 100, 100).Skip(1)], Edges(17));
        Assert.False(Chip.GetLevel(17).IsHigh);
        Assert.True(Chip.GetLevel(18).IsHigh, "GPIO 18's configured safe level is high");
        Assert.False(Service.Controller.IsPinOpen(17));
        Assert.True(Sys.WhenTerminated.IsCompleted);
    }
}

public sealed class CutShutdownTests() : ShutdownTestKit(PinsSettings.Default.WithShutdown(ShutdownBehavior.Cut))
{
    [Fact]
    public void Shutdown_Cut_InterruptsTheRunningAndSupersedesTheQueued()
    {
        var client = Client();
        ClaimOutput(client, 17);
        var on = Cmd.On(17, 5000);
        var queued = Cmd.Blink(17, 1000, 100, 100);
        Send(client, on, queued);
        ExpectAccepted(client, on, queued);
        AdvanceMs(300);

        AwaitDone(RunShutdown());

        ExpectOutcome(client, queued, OutcomeKind.Superseded);
        var cut = ExpectOutcome(client, on, OutcomeKind.Interrupted);
        Assert.Equal((RejectReason.ShuttingDown, 300_000_000L), (cut.Reason, cut.EndedAtNs));
        Assert.False(Chip.GetLevel(17).IsHigh);
    }
}

public sealed class DrainTimeoutShutdownTests() : ShutdownTestKit(PinsSettings.Default.WithDrainTimeout(TimeSpan.FromSeconds(1)))
{
    [Fact]
    public void Shutdown_DrainThatTakesTooLong_IsCutAfterTheDrainTimeout()
    {
        var client = Client();
        ClaimOutput(client, 17);
        var on = Cmd.On(17, 10_000);
        Send(client, on);
        ExpectAccepted(client, on);

        var shutdown = RunShutdown();
        AwaitDraining(17);
        AdvanceMs(1000);
        AwaitDone(shutdown);

        var cut = ExpectOutcome(client, on, OutcomeKind.Interrupted);
        Assert.Equal(1_000_000_000L, cut.EndedAtNs);
        Assert.False(Chip.GetLevel(17).IsHigh);
    }
}

public sealed class SafeLevelAtStartTests() : PinsTestKit(PinsSettings.Default.WithPin(18, new PinSettings { SafeLevel = PinValue.High }))
{
    [Fact]
    public void Start_ConfiguredPin_IsAtItsSafeLevelBeforeAnyClaimAndAfterRelease()
    {
        Assert.True(Chip.GetLevel(18).IsHigh);
        Assert.Equal("remoteio", Service.Controller.GetLineInfo(18).Consumer);

        var client = Client();
        var claimed = ClaimOutput(client, 18);
        Assert.True(claimed.Level);
        Send(client, Cmd.Off(18));
        Assert.False(Chip.GetLevel(18).IsHigh);
        Send(client, Cmd.Close(18));

        Assert.True(Chip.GetLevel(18).IsHigh);
    }
}
