using RemoteIo.Actors.Gpio.Simulation;
using RemoteIo.Actors.Pins.Tests.Support;
using RemoteIo.Actors.Protocol;
using Xunit;

namespace RemoteIo.Actors.Pins.Tests;

public sealed class InputTests : PinsTestKit
{
    private const int Input = 17;
    private const int Output = 27;

    [Fact]
    public void ThreeObservers_OfAPinWiredToAnotherSessionsOutput_GetEveryEdgeInOrderWithIdenticalStampsAndSequences()
    {
        Chip.Connect(Output, Input);
        var driver = Client("driver");
        ClaimOutput(driver, Output);
        var observers = Enumerable.Range(0, 3).Select(i => Client($"observer{i}")).ToList();
        foreach (var observer in observers)
        {
            observer.Send(Pins, Cmd.Observe(Input));
        }

        Flush();
        Assert.All(observers, o => Assert.False(o.ExpectMsg<ObserveStarted>().Level));

        Send(driver, Cmd.Blink(Output, 1000, 100, 100));
        AdvanceMs(1500);

        var received = observers.Select(o => o.ReceiveN(10).Cast<PinEdge>().ToList()).ToList();
        var expected = SquareWave(0, 1000, 100, 100);
        foreach (var edges in received)
        {
            Assert.Equal(expected.Select(e => ((long)(e.Ms * 1e6), e.High)), edges.Select(e => (e.TimestampNs, e.Level)));
            Assert.Equal(Enumerable.Range(1, 10).Select(i => (ulong)i), edges.Select(e => e.Sequence));
            Assert.All(edges, e => Assert.Equal((uint)Input, e.Gpio));
        }

        Assert.Equal(received[0], received[1]);
        Assert.Equal(received[0], received[2]);
        observers.ForEach(o => o.ExpectNoMsg());
    }

    [Fact]
    public void SlowSubscriber_WhoseQueueFills_LosesEdgesVisiblyWhileOthersLoseNoneAndTimingIsUnaffected()
    {
        Chip.Connect(Output, Input);
        var driver = Client("driver");
        ClaimOutput(driver, Output);
        var fast = Enumerable.Range(0, 2).Select(i => Client($"fast{i}")).ToList();
        var fastSubscribers = fast.Select(p => Sys.ActorOf(AckingSubscriber.Props(Pins, p.Ref))).ToList();
        foreach (var subscriber in fastSubscribers)
        {
            Pins.Tell(Cmd.Observe(Input, capacity: 4, flowControl: true), subscriber);
        }

        var slow = Client("slow");
        slow.Send(Pins, Cmd.Observe(Input, capacity: 4, flowControl: true));
        Flush();
        fast.ForEach(p => p.ExpectMsg<ObserveStarted>());
        slow.ExpectMsg<ObserveStarted>();

        Chip.ClearTransitions();
        Send(driver, Cmd.Blink(Output, 1000, 50, 50));
        AdvanceMs(1500);

        AssertTimeline(SquareWave(0, 1000, 50, 50), Edges(Output));
        foreach (var probe in fast)
        {
            var edges = probe.ReceiveN(20).Cast<PinEdge>().ToList();
            Assert.Equal(Enumerable.Range(1, 20).Select(i => (ulong)i), edges.Select(e => e.Sequence));
            probe.ExpectNoMsg();
        }

        var first = slow.ReceiveN(4).Cast<PinEdge>().ToList();
        Assert.Equal([1ul, 2ul, 3ul, 4ul], first.Select(e => e.Sequence));
        slow.ExpectNoMsg();

        slow.Send(Pins, new AckEvents { Gpio = Input, Sequence = 4 });
        Flush();
        var dropped = slow.ExpectMsg<EventsDropped>();
        Assert.Equal((16ul, 5ul), (dropped.Dropped, dropped.FirstDroppedSequence));

        Send(driver, Cmd.On(Output, 10));
        AdvanceMs(100);
        var next = slow.ExpectMsg<PinEdge>();
        Assert.Equal(21ul, next.Sequence);
    }

    [Fact]
    public void Debounce_FiveBounceBurst_CollapsesIntoOneEdgeForThatSubscriber()
    {
        var owner = Client("owner");
        owner.Send(Pins, Cmd.Claim(Cmd.Gpio(Input), ClaimRole.Input, new InputConfig { Bias = Bias.PullUp }));
        Flush();
        Assert.True(owner.ExpectMsg<PinClaimed>().Level);
        var debounced = Client("debounced");
        var raw = Client("raw");
        debounced.Send(Pins, Cmd.Observe(Input, debounceUs: 10_000));
        raw.Send(Pins, Cmd.Observe(Input));
        Flush();
        debounced.ExpectMsg<ObserveStarted>(s => s.Level);
        raw.ExpectMsg<ObserveStarted>();

        var button = new SimulatedButton(Chip, Input);
        var ms = TimeSpan.FromMilliseconds(1);
        button.Press(ms, ms, ms, ms, ms);
        Flush();
        AdvanceMs(50);
        button.Release();
        AdvanceMs(50);

        var bounces = raw.ReceiveN(8).Cast<PinEdge>().ToList();
        Assert.Equal(7, bounces.Count(e => e.TimestampNs < 10_000_000));
        var press = debounced.ExpectMsg<PinEdge>();
        Assert.Equal((false, 0L, 1ul), (press.Level, press.TimestampNs, press.Sequence));
        var release = debounced.ExpectMsg<PinEdge>();
        Assert.Equal((true, 50_000_000L), (release.Level, release.TimestampNs));
        debounced.ExpectNoMsg();
    }

    [Fact]
    public void Debounce_BurstEndingAtTheOtherLevel_IsSettledWhenTheWindowEnds()
    {
        var owner = Client("owner");
        owner.Send(Pins, Cmd.Claim(Cmd.Gpio(Input), ClaimRole.Input, new InputConfig { Bias = Bias.PullUp }));
        Flush();
        owner.ExpectMsg<PinClaimed>();
        var debounced = Client("debounced");
        debounced.Send(Pins, Cmd.Observe(Input, debounceUs: 10_000));
        Flush();
        debounced.ExpectMsg<ObserveStarted>();

        Chip.DriveExternal(Input, Gpio.PinValue.Low);
        Flush();
        AdvanceMs(2);
        Chip.ReleaseExternal(Input);
        Flush();
        AdvanceMs(20);

        Assert.Equal((false, 0L), Pair(debounced.ExpectMsg<PinEdge>()));
        Assert.Equal((true, 2_000_000L), Pair(debounced.ExpectMsg<PinEdge>()));
        debounced.ExpectNoMsg();

        static (bool, long) Pair(PinEdge e) => (e.Level, e.TimestampNs);
    }

    [Fact]
    public void Watchdog_AfterItsPeriodOfSilence_FiresAndRepeatsFromTheLastEdge()
    {
        Chip.Connect(Output, Input);
        var driver = Client("driver");
        ClaimOutput(driver, Output);
        var watcher = Client("watcher");
        watcher.Send(Pins, Cmd.Observe(Input, watchdogUs: 50_000));
        Flush();
        watcher.ExpectMsg<ObserveStarted>();

        AdvanceMs(49);
        watcher.ExpectNoMsg();
        AdvanceMs(1);
        var first = watcher.ExpectMsg<PinWatchdog>();
        Assert.Equal((50_000u, 50_000_000L), (first.SilentForUs, first.TimestampNs));

        AdvanceMs(20);
        Send(driver, Cmd.On(Output));
        watcher.ExpectMsg<PinEdge>(e => e.TimestampNs == 70_000_000);
        AdvanceMs(49);
        watcher.ExpectNoMsg();
        AdvanceMs(1);
        var second = watcher.ExpectMsg<PinWatchdog>();
        Assert.Equal((50_000u, 120_000_000L, true), (second.SilentForUs, second.TimestampNs, second.Level));
        AdvanceMs(50);
        Assert.Equal(100_000u, watcher.ExpectMsg<PinWatchdog>().SilentForUs);
    }

    [Fact]
    public void Observer_DoesNotBlockAnotherSessionsOutputClaim_AndASecondDriverIsBusy()
    {
        const int pin = 22;
        var observer = Client("observer");
        observer.Send(Pins, Cmd.Observe(pin));
        Flush();
        observer.ExpectMsg<ObserveStarted>();

        var driver = Client("driver");
        ClaimOutput(driver, pin);
        var second = Client("second");
        second.Send(Pins, Cmd.Claim(Cmd.Gpio(pin)));
        second.Send(Pins, Cmd.Claim(Cmd.Gpio(pin), ClaimRole.Input));
        Flush();

        Assert.Equal(RejectReason.Busy, second.ExpectMsg<RequestRejected>().Reason);
        Assert.Equal(RejectReason.Busy, second.ExpectMsg<RequestRejected>().Reason);
        var on = Cmd.On(pin);
        Send(driver, on);
        ExpectAccepted(driver, on);
        Assert.True(Chip.GetLevel(pin).IsHigh);
    }

    [Fact]
    public void Observer_OfAnOutputAnotherSessionDrives_GetsEveryEdgeItWrites()
    {
        const int pin = 22;
        var observer = Client("observer");
        observer.Send(Pins, Cmd.Observe(pin));
        Flush();
        observer.ExpectMsg<ObserveStarted>();
        var driver = Client("driver");
        ClaimOutput(driver, pin);

        Send(driver, Cmd.Blink(pin, 300, 50, 50));
        AdvanceMs(500);

        var edges = observer.ReceiveN(6).Cast<PinEdge>().ToList();
        Assert.Equal(SquareWave(0, 300, 50, 50).Select(e => ((long)(e.Ms * 1e6), e.High)), edges.Select(e => (e.TimestampNs, e.Level)));
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (ulong)i), edges.Select(e => e.Sequence));
        observer.ExpectNoMsg();
    }

    [Fact]
    public void InputClaim_CommandsToDriveIt_AreWrongRole()
    {
        var owner = Client();
        owner.Send(Pins, Cmd.Claim(Cmd.Gpio(Input), ClaimRole.Input, new InputConfig { Bias = Bias.PullDown, ActiveLow = true }));
        Flush();
        Assert.True(owner.ExpectMsg<PinClaimed>().Level, "pulled down and active-low reads logical high");

        var on = Cmd.On(Input);
        Send(owner, on);

        Assert.Equal(RejectReason.WrongRole, ExpectOutcome(owner, on, OutcomeKind.Rejected).Reason);
    }

    [Fact]
    public void ReadPin_OfAnOutputAndOfAnUnheldPin_AnswersTheLevel()
    {
        var owner = Client();
        ClaimOutput(owner, Output);
        Send(owner, Cmd.On(Output));
        var reader = Client();

        reader.Send(Pins, new ReadPin { RequestId = 7, Pin = Cmd.Gpio(Output) });
        reader.Send(Pins, new ReadPin { RequestId = 8, Pin = Cmd.Board(3) });
        Flush();

        // Two pins answer from their own actors, in either order.
        var levels = reader.ReceiveN(2).Cast<PinLevel>().OrderBy(l => l.RequestId).ToList();
        var output = levels[0];
        Assert.Equal((7ul, (uint)Output, true), (output.RequestId, output.Gpio, output.Level));
        var unheld = levels[1];
        Assert.Equal((8ul, 2u, true), (unheld.RequestId, unheld.Gpio, unheld.Level));
        Assert.False(Service.Controller.IsPinOpen(2), "a line opened only to be read is given back");
        Assert.True(Service.Controller.IsPinOpen(Output));
    }

    [Fact]
    public void StopObserving_TheLastObserverOfAnUnclaimedPin_GivesTheLineBack()
    {
        var observer = Client();
        observer.Send(Pins, Cmd.Observe(Input));
        Flush();
        observer.ExpectMsg<ObserveStarted>();
        Assert.True(Service.Controller.IsPinOpen(Input));

        observer.Send(Pins, new StopObserving { RequestId = 2, Pin = Cmd.Gpio(Input) });
        Flush();

        Assert.False(Service.Controller.IsPinOpen(Input));
        Chip.DriveExternal(Input, Gpio.PinValue.High);
        Flush();
        observer.ExpectNoMsg();
    }
}
