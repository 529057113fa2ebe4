using RemoteIo.Actors.Pins.Tests.Support;
using RemoteIo.Actors.Protocol;
using Xunit;

namespace RemoteIo.Actors.Pins.Tests;

public sealed class StatesTests : PinsTestKit
{
    [Fact]
    public void GetPinStates_ListsClaimedAndObservedPinsWithTheirLiveState()
    {
        var owner = Client("owner");
        OpenSession(owner, Mode.Wait, "lab");
        ClaimOutput(owner, 17);
        ClaimOutput(owner, 5);
        Send(owner, Cmd.On(17, 1000), Cmd.Off(17, 100), Cmd.On(17, 100), Cmd.Blink(5, 0, 100, 100));
        var watcher = Client("watcher");
        watcher.Send(Pins, Cmd.Observe(17));
        watcher.Send(Pins, Cmd.Observe(22));
        watcher.Send(Pins, new ReadPin { RequestId = 1, Pin = Cmd.Gpio(23) });
        AdvanceMs(150);

        var states = Query();

        Assert.Equal([5u, 17u, 22u], states.Pins.Select(p => p.Gpio));
        var busy = states.Pins.Single(p => p.Gpio == 17);
        Assert.Equal(("session 'lab' (s1)", Mode.Wait, true, 2u, "on", 1u, ClaimRole.Output, false), (busy.Owner, busy.Mode, busy.Level, busy.QueueDepth, busy.Running, busy.Observers, busy.Role, busy.Draining));
        Assert.Equal(11u, busy.Board);
        var blinking = states.Pins.Single(p => p.Gpio == 5);
        Assert.Equal(("blink", 0u, 0u), (blinking.Running, blinking.QueueDepth, blinking.Observers));
        var observed = states.Pins.Single(p => p.Gpio == 22);
        Assert.Equal((string.Empty, 1u), (observed.Owner, observed.Observers));
        Assert.Equal(Mode.Wait, states.DefaultMode);
        Assert.StartsWith("simulated", states.Driver, StringComparison.Ordinal);
    }

    [Fact]
    public void GetPinStates_WhileASessionDrains_ShowsItsPinsDraining()
    {
        var owner = Client("owner");
        ClaimOutput(owner, 17);
        Send(owner, Cmd.On(17, 1000));
        owner.Send(Pins, new CloseSession { RequestId = 9 });
        Flush();

        var draining = Query().Pins.Single();
        Assert.True(draining.Draining);
        Assert.Equal("on", draining.Running);

        AdvanceMs(1000);
        Assert.Empty(Query().Pins);
    }

    private PinStates Query()
    {
        var asker = Client();
        asker.Send(Pins, new GetPinStates { RequestId = 77 });
        Flush();
        var states = asker.ExpectMsg<PinStates>();
        Assert.Equal(77ul, states.RequestId);
        return states;
    }
}
