using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Simulation;
using RemoteIo.Actors.Gpio.Timing;
using RemoteIo.Actors.Pins.Tests.Support;
using RemoteIo.Actors.Protocol;
using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Pins.Tests;

/// <summary>
/// The same pin domain on the real clock: the edge scheduler's dedicated threads and the timing
/// dispatcher carry the commands end to end. Only behaviour is asserted here (order, outcomes,
/// edge count); how exact the edges are is measured by bench/RemoteIo.Bench.Pins.
/// </summary>
public sealed class RealClockTests() : ActorTestKit(TimeProvider.System)
{
    [Fact]
    public void RealClock_QueuedCommands_RunInOrderWithTheirOutcomes()
    {
        var chip = new SimulatedGpioChip(TimeProvider.System);
        using var driver = new SimulatedGpioDriver(chip);
        var service = PinService.Start(Sys, driver);
        var client = CreateTestProbe();
        client.Send(service.Supervisor, Cmd.Claim(Cmd.Gpio(17)));
        client.ExpectMsg<PinClaimed>();

        var on = Cmd.On(17, 20);
        var blink = Cmd.Blink(17, 50, 5, 5);
        var close = Cmd.Close(17);
        client.Send(service.Supervisor, on);
        client.Send(service.Supervisor, blink);
        client.Send(service.Supervisor, close);

        foreach (var command in new[] { on, blink, close })
        {
            client.ExpectMsg<CommandOutcome>(o => o.CommandId == command.CommandId && o.Kind == OutcomeKind.Accepted);
        }

        var onDone = client.ExpectMsg<CommandOutcome>(o => o.CommandId == on.CommandId && o.Kind == OutcomeKind.Completed);
        var blinkDone = client.ExpectMsg<CommandOutcome>(o => o.CommandId == blink.CommandId && o.Kind == OutcomeKind.Completed);
        client.ExpectMsg<CommandOutcome>(o => o.CommandId == close.CommandId && o.Kind == OutcomeKind.Completed);
        client.ExpectMsg<PinNotice>(n => n.Kind == PinNotice.Types.Kind.Released);
        Assert.Equal(onDone.EndedAtNs, blinkDone.StartedAtNs);
        Assert.Equal(50_000_000L, blinkDone.EndedAtNs - blinkDone.StartedAtNs);
        Assert.InRange(chip.Transitions(17).Count, 2, 12);
        Assert.False(chip.GetLevel(17).IsHigh);
    }

    [Fact]
    public void RealClock_CommandsAlreadyOverWhenHandedToTheScheduler_CompleteAndLeaveThePinUsable()
    {
        // A 1 µs impulse has ended before the scheduler even sees it (as when the actor runs late):
        // its ending must not leave the pin waiting for an ending that already came.
        var chip = new SimulatedGpioChip(TimeProvider.System);
        using var driver = new SimulatedGpioDriver(chip);
        var service = PinService.Start(Sys, driver);
        var client = CreateTestProbe();
        client.Send(service.Supervisor, Cmd.Claim(Cmd.Gpio(27)));
        client.ExpectMsg<PinClaimed>();

        var commands = new[] { Cmd.On(27, 0.001), Cmd.On(27, 0.001), Cmd.Off(27, 0.001), Cmd.On(27) };
        foreach (var command in commands)
        {
            client.Send(service.Supervisor, command);
        }

        var finals = client.ReceiveN(2 * commands.Length).OfType<CommandOutcome>().Where(o => o.Kind != OutcomeKind.Accepted).ToList();
        Assert.Equal(commands.Select(c => c.CommandId), finals.Select(o => o.CommandId));
        Assert.All(finals, o => Assert.Equal(OutcomeKind.Completed, o.Kind));
        Assert.True(chip.GetLevel(27).IsHigh, "the last on() ran");
    }

    [Fact]
    public void RealClock_LineChannelLine_HandsThePinOverAndEndsEachCommandInOrder()
    {
        // The hardware channel's timer (thread pool, early wake and spin) and the edge scheduler's
        // thread both end commands here; only the order, the durations and the channel's state are
        // asserted. Lateness delays, never shortens: a channel timer waking more than 1 ms late for
        // the pulse moves it to that instant, and the value it joins runs until then.
        var chip = new SimulatedGpioChip(TimeProvider.System);
        using var driver = new SimulatedGpioDriver(chip);
        var tree = new FakePwmTree(() => ClockTime.NowNanoseconds(TimeProvider.System));
        var service = PinService.Start(
            Sys,
            driver,
            PinsSettings.Default.WithPinctrlRoot(FakePwmTree.PinctrlRoot),
            gpio: GpioOptions.Default.WithModel("Raspberry Pi 4 Model B").WithPwmRoot(FakePwmTree.PwmRoot),
            pwmFileSystem: tree);
        var client = CreateTestProbe();
        client.Send(service.Supervisor, Cmd.Claim(Cmd.Gpio(18)));
        client.ExpectMsg<PinClaimed>();

        var commands = new[] { Cmd.On(18, 10), Cmd.Value(18, 20, 0.5), Cmd.Pulse(18, 30, 10, 10), Cmd.On(18) };
        foreach (var command in commands)
        {
            client.Send(service.Supervisor, command);
        }

        var finals = client.ReceiveN(2 * commands.Length).OfType<CommandOutcome>().Where(o => o.Kind != OutcomeKind.Accepted).ToList();
        Assert.Equal(commands.Select(c => c.CommandId), finals.Select(o => o.CommandId));
        Assert.All(finals, o => Assert.Equal(OutcomeKind.Completed, o.Kind));
        Assert.True(finals[1].EndedAtNs - finals[1].StartedAtNs >= 20_000_000L, $"the value ran its 20 ms at least: {finals[1]}");
        Assert.Equal((finals[1].EndedAtNs, 30_000_000L), (finals[2].StartedAtNs, finals[2].EndedAtNs - finals[2].StartedAtNs));
        var enables = tree.Snapshot().Where(w => w.Path.EndsWith("/enable", StringComparison.Ordinal)).Select(w => w.Value).ToList();
        Assert.True(enables.Count >= 2 && enables.Count % 2 == 0 && enables.Where((v, i) => v != (i % 2 == 0 ? "1" : "0")).Any() == false, $"enable writes alternate 1, 0 and end disabled: {string.Join(", ", enables)}");
        Assert.True(service.Controller.IsPinOpen(18));
        Assert.True(chip.GetLevel(18).IsHigh, "the last on() ran on the line");
    }
}
