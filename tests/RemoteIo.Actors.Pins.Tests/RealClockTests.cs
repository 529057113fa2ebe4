using RemoteIo.Actors.Gpio.Simulation;
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
}
