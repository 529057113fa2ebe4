using RemoteIo.Actors.Kernel.Event;
using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Kernel.Tests;

public sealed class TimerTests : ActorTestKit
{
    private readonly List<ActorSystem> _extraSystems = [];
    private readonly List<ManualResetEventSlim> _gates = [];

    [Fact]
    public void StartSingleTimer_VirtualClock_FiresExactlyAtDelay()
    {
        var actor = ActorOf(Props.Create(() => new TimerActor(TestActor, Sys.TimeProvider)));
        actor.Tell(new StartSingle("k", "tick", TimeSpan.FromMilliseconds(1000)), TestActor);
        ExpectMsg("started");

        Advance(TimeSpan.FromMilliseconds(999));
        ExpectNoMsg();
        Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(("tick", TimeSpan.FromMilliseconds(1000)), ExpectMsg<(string, TimeSpan)>());
        Advance(TimeSpan.FromSeconds(10));
        ExpectNoMsg();
    }

    [Fact]
    public void StartPeriodicTimer_VirtualClock_FiresAtEveryIntervalBoundary()
    {
        var actor = ActorOf(Props.Create(() => new TimerActor(TestActor, Sys.TimeProvider)));
        actor.Tell(new StartPeriodic("p", "tick", TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(100)), TestActor);
        ExpectMsg("started");

        Advance(TimeSpan.FromMilliseconds(560));

        var at = ReceiveN(4).Cast<(string, TimeSpan)>().Select(t => t.Item2.TotalMilliseconds);
        Assert.Equal([250d, 350d, 450d, 550d], at);
        ExpectNoMsg();
    }

    [Fact]
    public void StartSingleTimer_SameKeyBeforeDue_OldTimerDropped()
    {
        var actor = ActorOf(Props.Create(() => new TimerActor(TestActor, Sys.TimeProvider)));
        actor.Tell(new StartSingle("k", "old", TimeSpan.FromSeconds(1)), TestActor);
        ExpectMsg("started");
        Advance(TimeSpan.FromMilliseconds(500));

        actor.Tell(new StartSingle("k", "new", TimeSpan.FromSeconds(1)), TestActor);
        ExpectMsg("started");
        Advance(TimeSpan.FromMilliseconds(900));
        ExpectNoMsg();
        Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal(("new", TimeSpan.FromMilliseconds(1500)), ExpectMsg<(string, TimeSpan)>());
        ExpectNoMsg();
    }

    [Fact]
    public void StartSingleTimer_SameKeyWhileOldTickQueued_StaleTickDiscarded()
    {
        var (clock, probe) = RunWhileTickQueued(new StartSingle("k", "old", TimeSpan.FromSeconds(1)), cancel: false);

        probe.ExpectMsg("restarted k while blocked");
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("new", probe.ExpectMsg<(string, TimeSpan)>().Item1);
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Cancel_WhileTickQueued_TickDiscarded()
    {
        var (clock, probe) = RunWhileTickQueued(new StartPeriodic("k", "tick", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)), cancel: true);

        probe.ExpectMsg("cancelled k while blocked");
        clock.Advance(TimeSpan.FromSeconds(5));
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Equal(0, clock.PendingTimerCount);
    }

    [Fact]
    public void IsTimerActive_SingleTimer_ActiveUntilItsMessageIsReceived()
    {
        var actor = ActorOf(Props.Create(() => new TimerActor(TestActor, Sys.TimeProvider)));
        actor.Tell(new StartSingle("k", "tick", TimeSpan.FromSeconds(1)), TestActor);
        ExpectMsg("started");
        actor.Tell("active?", TestActor);
        ExpectMsg(true);

        Advance(TimeSpan.FromSeconds(1));
        ExpectMsg<(string, TimeSpan)>();
        actor.Tell("active?", TestActor);

        ExpectMsg(false);
    }

    [Fact]
    public void Stop_ActorWithTimers_AllTimersCancelled()
    {
        var actor = Watch(ActorOf(Props.Create(() => new TimerActor(TestActor, Sys.TimeProvider))));
        actor.Tell(new StartPeriodic("a", "a", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)), TestActor);
        actor.Tell(new StartSingle("b", "b", TimeSpan.FromSeconds(2)), TestActor);
        ReceiveN(2);

        Sys.Stop(actor);
        ExpectTerminated(actor);

        Assert.Equal(0, Clock.PendingTimerCount);
    }

    [Fact]
    public void StartPeriodicTimer_NonPositiveInterval_ActorFailsWithArgumentError()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe, typeof(Error));
        var actor = ActorOf(Props.Create(() => new TimerActor(TestActor, Sys.TimeProvider)));

        actor.Tell(new StartPeriodic("p", "x", TimeSpan.Zero, TimeSpan.Zero), TestActor);

        Assert.IsType<ArgumentOutOfRangeException>(probe.ExpectMsg<Error>().Cause);
    }

    /// <summary>
    /// Starts timer "k" in a system without settling, blocks the actor, lets the timer fire so its
    /// tick waits in the mailbox, then lets the blocked handler restart or cancel "k".
    /// </summary>
    private (ManualTimeProvider Clock, TestProbe Probe) RunWhileTickQueued(object start, bool cancel)
    {
        var clock = new ManualTimeProvider();
        var system = ActorSystem.Create("queued" + (cancel ? "-cancel" : "-restart"), ActorSystemSettings.Default.WithStdoutLogLevel(LogLevel.Off), clock);
        _extraSystems.Add(system);
        var probe = new TestProbe(system);
        using var entered = new ManualResetEventSlim();
        var gate = new ManualResetEventSlim();
        _gates.Add(gate);
        var actor = system.ActorOf(Props.Create(() => new TimerActor(probe, clock, entered, gate, cancel)));
        actor.Tell(start, probe);
        probe.ExpectMsg("started");

        actor.Tell("block", probe);
        Assert.True(entered.Wait(TimeSpan.FromSeconds(5)));
        clock.Advance(TimeSpan.FromSeconds(1));
        gate.Set();
        return (clock, probe);
    }

    protected override void Dispose(bool disposing)
    {
        foreach (var system in _extraSystems)
        {
            system.Dispose();
        }

        _gates.ForEach(g => g.Dispose());
        base.Dispose(disposing);
    }

    private sealed record StartSingle(string Key, string Message, TimeSpan Delay);

    private sealed record StartPeriodic(string Key, string Message, TimeSpan Initial, TimeSpan Interval);

    private sealed class TimerActor : ReceiveActor, IWithTimers
    {
        public TimerActor(IActorRef report, TimeProvider time, ManualResetEventSlim? entered = null, ManualResetEventSlim? gate = null, bool cancelInsteadOfRestart = false)
        {
            var start = time.GetTimestamp();
            Receive<StartSingle>(s =>
            {
                Timers.StartSingleTimer(s.Key, s.Message, s.Delay);
                Sender.Tell("started", Self);
            });
            Receive<StartPeriodic>(s =>
            {
                Timers.StartPeriodicTimer(s.Key, s.Message, s.Initial, s.Interval);
                Sender.Tell("started", Self);
            });
            Receive<string>(s => s == "active?", _ => Sender.Tell(Timers.IsTimerActive("k"), Self));
            Receive<string>(s => s == "block", _ =>
            {
                entered!.Set();
                gate!.Wait(TimeSpan.FromSeconds(10));
                if (cancelInsteadOfRestart)
                {
                    Timers.Cancel("k");
                    report.Tell("cancelled k while blocked", Self);
                }
                else
                {
                    Timers.StartSingleTimer("k", "new", TimeSpan.FromSeconds(1));
                    report.Tell("restarted k while blocked", Self);
                }
            });
            Receive<string>(s => report.Tell((s, time.GetElapsedTime(start)), Self));
        }

        public ITimerScheduler Timers { get; set; } = null!;
    }
}
