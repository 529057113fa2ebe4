using RemoteIo.Actors.Kernel.Event;
using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Kernel.Tests;

public sealed class TimerTests : ActorTestKit
{
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
        var clock = new ManualTimeProvider();
        using var system = ActorSystem.Create("stale", ActorSystemSettings.Default.WithStdoutLogLevel(LogLevel.Off), clock);
        var probe = new TestProbe(system);
        using var entered = new ManualResetEventSlim();
        using var gate = new ManualResetEventSlim();
        var actor = system.ActorOf(Props.Create(() => new TimerActor(probe, clock, entered, gate)));
        actor.Tell(new StartSingle("k", "old", TimeSpan.FromSeconds(1)), probe);
        probe.ExpectMsg("started");

        actor.Tell("block", probe);
        Assert.True(entered.Wait(TimeSpan.FromSeconds(5)));
        clock.Advance(TimeSpan.FromSeconds(1));
        gate.Set();

        probe.ExpectMsg("restarted k while blocked");
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("new", probe.ExpectMsg<(string, TimeSpan)>().Item1);
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Cancel_WhileTickQueued_TickDiscarded()
    {
        var clock = new ManualTimeProvider();
        using var system = ActorSystem.Create("cancel", ActorSystemSettings.Default.WithStdoutLogLevel(LogLevel.Off), clock);
        var probe = new TestProbe(system);
        using var entered = new ManualResetEventSlim();
        using var gate = new ManualResetEventSlim();
        var actor = system.ActorOf(Props.Create(() => new TimerActor(probe, clock, entered, gate, cancelInsteadOfRestart: true)));
        actor.Tell(new StartPeriodic("k", "tick", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)), probe);
        probe.ExpectMsg("started");

        actor.Tell("block", probe);
        Assert.True(entered.Wait(TimeSpan.FromSeconds(5)));
        clock.Advance(TimeSpan.FromSeconds(1));
        gate.Set();

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
