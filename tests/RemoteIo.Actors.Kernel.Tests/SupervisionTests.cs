using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Kernel.Tests;

public sealed class SupervisionTests : ActorTestKit
{
    [Fact]
    public void Restart_ThrowingActor_FreshStateMailboxKeptFailingMessageNotReprocessed()
    {
        var boomCount = new StrongBox<int>();
        var counter = ActorOf(Props.Create(() => new Counter(boomCount)));

        counter.TellAll(TestActor, "inc", "inc", "boom", "inc", "get");

        ExpectMsg(1);
        Assert.Equal(1, boomCount.Value);
    }

    [Fact]
    public void Restart_LifecycleHooks_RunInAkkaOrderWithReasonAndMessage()
    {
        var (probe, actor) = SpawnCounted((p, n) => new LifecycleActor(p, n));
        probe.ExpectMsg("prestart#1");

        actor.Tell("boom", TestActor);

        probe.ExpectMsg("prerestart#1:InvalidOperationException:boom");
        probe.ExpectMsg("poststop#1");
        probe.ExpectMsg("postrestart#2:InvalidOperationException");
        probe.ExpectMsg("prestart#2");
        probe.ExpectNoMsg();
    }

    [Fact]
    public void Restart_Stash_ReturnedToMailboxAheadOfLaterMessages()
    {
        var (probe, actor) = SpawnCounted((p, n) => new StashThenFail(p, n));

        actor.TellAll(TestActor, "s1", "s2", "boom", "after");

        Assert.Equal(["2:s1", "2:s2", "2:after"], probe.ReceiveN(3));
    }

    [Fact]
    public void Restart_ActorTimers_Cancelled()
    {
        var (probe, actor) = SpawnCounted((p, n) => new TimerThenFail(p, n));
        probe.ExpectMsg("timer started");

        actor.Tell("boom", TestActor);
        probe.ExpectMsg("restarted");
        Advance(TimeSpan.FromSeconds(5));

        probe.ExpectNoMsg();
        Assert.Equal(0, Clock.PendingTimerCount);
    }

    [Fact]
    public void Restart_BudgetExceededWithinWindow_ChildStopped()
    {
        var strategy = new OneForOneStrategy(2, TimeSpan.FromMinutes(1), _ => Directive.Restart);
        var child = Watch(CounterUnder(strategy));

        child.TellAll(TestActor, "boom", "boom", "get");
        ExpectMsg(0);
        child.Tell("boom", TestActor);

        ExpectTerminated(child);
    }

    [Fact]
    public void Restart_FailuresSpreadBeyondWindow_ChildKeepsRestarting()
    {
        var strategy = new OneForOneStrategy(1, TimeSpan.FromMinutes(1), _ => Directive.Restart);
        var child = Watch(CounterUnder(strategy));

        for (var i = 0; i < 3; i++)
        {
            child.Tell("boom", TestActor);
            Advance(TimeSpan.FromSeconds(61));
        }

        child.Tell("get", TestActor);
        ExpectMsg(0);
    }

    [Fact]
    public void Restart_ZeroRetries_ChildStoppedOnFirstFailure()
    {
        var strategy = new OneForOneStrategy(0, Timeout.InfiniteTimeSpan, _ => Directive.Restart);
        var child = Watch(CounterUnder(strategy));

        child.Tell("boom", TestActor);

        ExpectTerminated(child);
    }

    [Fact]
    public void Resume_ThrowingActor_KeepsState()
    {
        var child = CounterUnder(new OneForOneStrategy(_ => Directive.Resume));

        child.TellAll(TestActor, "inc", "boom", "inc", "get");

        ExpectMsg(2);
    }

    [Fact]
    public void Stop_Directive_StopsChild()
    {
        var strategy = new OneForOneStrategy(_ => Directive.Stop);
        var child = Watch(CounterUnder(strategy));

        child.Tell("boom", TestActor);

        ExpectTerminated(child);
    }

    [Fact]
    public void Escalate_ChildFails_GrandparentDecidesAboutParent()
    {
        var decisions = CreateTestProbe();
        var grandparentStrategy = new OneForOneStrategy(e =>
        {
            decisions.Tell(e, null);
            return Directive.Stop;
        });
        var parentStrategy = new OneForOneStrategy(_ => Directive.Escalate);
        var childProps = Props.Create(() => new Counter(new StrongBox<int>()));
        var parentProps = Props.Create(() => new ParentActor(childProps, "child", parentStrategy));
        var grandparent = ActorOf(Props.Create(() => new ParentActor(parentProps, "parent", grandparentStrategy)));
        grandparent.Tell("child?", TestActor);
        var parent = Watch(ExpectMsg<IActorRef>());

        grandparent.Tell("boom", TestActor);

        var cause = decisions.ExpectMsg<InvalidOperationException>();
        Assert.Equal("boom", cause.Message);
        ExpectTerminated(parent);
    }

    [Fact]
    public void Decider_Throws_FailureEscalated()
    {
        var decisions = CreateTestProbe();
        var grandparentStrategy = new OneForOneStrategy(e =>
        {
            decisions.Tell(e.Message, null);
            return Directive.Stop;
        });
        var broken = new OneForOneStrategy(_ => throw new InvalidOperationException("decider bug"));
        var parentProps = Props.Create(() => new ParentActor(Props.Create(() => new Counter(new StrongBox<int>())), "child", broken));
        var grandparent = ActorOf(Props.Create(() => new ParentActor(parentProps, "parent", grandparentStrategy)));

        grandparent.Tell("boom", TestActor);

        decisions.ExpectMsg("boom");
    }

    [Fact]
    public void PostStop_Throws_ErrorLoggedAndTerminationCompletes()
    {
        var errors = CreateTestProbe();
        Sys.EventStream.Subscribe(errors, typeof(RemoteIo.Actors.Kernel.Event.Error));
        var actor = Watch(ActorOf(Props.Create<ThrowsInPostStop>()));

        Sys.Stop(actor);

        ExpectTerminated(actor);
        Assert.Contains("PostStop", errors.ExpectMsg<RemoteIo.Actors.Kernel.Event.Error>().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultDecider_ConstructorThrows_ActorStopped()
    {
        var actor = Watch(ActorOf(Props.Create<ThrowingConstructor>()));

        ExpectTerminated(actor);
    }

    [Fact]
    public void DefaultDecider_Kill_ActorStopped()
    {
        var actor = Watch(ActorOf(Props.Create<EchoActor>()));

        actor.Tell(Kill.Instance, TestActor);

        ExpectTerminated(actor);
    }

    [Fact]
    public void DefaultDecider_OtherExceptions_Restart()
    {
        Assert.Equal(Directive.Restart, SupervisorStrategy.DefaultDecider(new InvalidOperationException()));
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultDecider(new ActorInitializationException(null, "x")));
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultDecider(new ActorKilledException("x")));
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultDecider(new DeathPactException(TestActor)));
    }

    [Fact]
    public void AllForOne_OneChildFails_SiblingsRestartedToo()
    {
        var probe = CreateTestProbe();
        var strategy = new AllForOneStrategy(_ => Directive.Restart);
        var parent = ActorOf(Props.Create(() => new TwoChildren(probe, strategy)));
        Assert.Equivalent(new[] { "a:prestart#1", "b:prestart#1" }, probe.ReceiveN(2));

        parent.Tell("boom-a", TestActor);

        var events = probe.ReceiveN(4);
        Assert.Contains("a:prerestart#1:InvalidOperationException:boom", events);
        Assert.Contains("b:prerestart#1:InvalidOperationException:", events);
        Assert.Contains("a:prestart#2", events);
        Assert.Contains("b:prestart#2", events);
    }

    [Fact]
    public void Props_Factory_RunsOnEveryStartAndRestart()
    {
        var created = new StrongBox<int>();
        var actor = ActorOf(Props.Create(() =>
        {
            created.Value++;
            return new Counter(new StrongBox<int>());
        }));

        actor.TellAll(TestActor, "boom", "boom", "get");
        ExpectMsg(0);

        Assert.Equal(3, created.Value);
    }

    [Fact]
    public void Props_FactoryReturnsExistingInstance_ActorStoppedWithInitializationError()
    {
        ActorBase? first = null;
        var actor = Watch(ActorOf(Props.Create(() => (ActorBase)(first ??= new Counter(new StrongBox<int>())))));
        actor.Tell("get", TestActor);
        ExpectMsg(0);

        actor.Tell("boom", TestActor);

        ExpectTerminated(actor);
    }

    [Fact]
    public void ActorBase_ConstructedWithNew_Throws()
    {
        var e = Assert.Throws<ActorInitializationException>(() => new Counter(new StrongBox<int>()));
        Assert.Contains("ActorOf", e.Message, StringComparison.Ordinal);
    }

    private (TestProbe Probe, IActorRef Actor) SpawnCounted(Func<IActorRef, int, ActorBase> create)
    {
        var probe = CreateTestProbe();
        var incarnation = 0;
        return (probe, ActorOf(Props.Create(() => create(probe, ++incarnation))));
    }

    private IActorRef CounterUnder(SupervisorStrategy strategy)
    {
        var parent = ActorOf(Props.Create(() => new ParentActor(Props.Create(() => new Counter(new StrongBox<int>())), "child", strategy)));
        parent.Tell("child?", TestActor);
        return ExpectMsg<IActorRef>();
    }

    internal sealed class StrongBox<T>
    {
        public T Value { get; set; } = default!;
    }

    private sealed class Counter : ReceiveActor
    {
        private int _count;

        public Counter(StrongBox<int> boomCount)
        {
            Receive<string>(s => s == "inc", _ => _count++);
            Receive<string>(s => s == "get", _ => Sender.Tell(_count, Self));
            Receive<string>(s => s == "boom", _ =>
            {
                boomCount.Value++;
                throw new InvalidOperationException("boom");
            });
        }
    }

    private sealed class LifecycleActor : ReceiveActor
    {
        private readonly IActorRef _probe;
        private readonly int _incarnation;

        public LifecycleActor(IActorRef probe, int incarnation)
        {
            _probe = probe;
            _incarnation = incarnation;
            Receive<string>(s => throw new InvalidOperationException(s));
        }

        protected override void PreStart() => _probe.Tell($"prestart#{_incarnation}", Self);

        protected override void PostStop() => _probe.Tell($"poststop#{_incarnation}", Self);

        protected override void PreRestart(Exception reason, object? message)
        {
            _probe.Tell($"prerestart#{_incarnation}:{reason.GetType().Name}:{message}", Self);
            base.PreRestart(reason, message);
        }

        protected override void PostRestart(Exception reason)
        {
            _probe.Tell($"postrestart#{_incarnation}:{reason.GetType().Name}", Self);
            base.PostRestart(reason);
        }
    }

    private sealed class StashThenFail : ReceiveActor, IWithStash
    {
        public StashThenFail(IActorRef probe, int incarnation)
        {
            Receive<string>(s => s == "boom", s => throw new InvalidOperationException(s));
            Receive<string>(s =>
            {
                if (incarnation == 1)
                {
                    Stash.Stash();
                }
                else
                {
                    probe.Tell($"{incarnation}:{s}", Self);
                }
            });
        }

        public IStash Stash { get; set; } = null!;
    }

    private sealed class TimerThenFail : ReceiveActor, IWithTimers
    {
        private readonly IActorRef _probe;
        private readonly int _incarnation;

        public TimerThenFail(IActorRef probe, int incarnation)
        {
            _probe = probe;
            _incarnation = incarnation;
            Receive<string>(s => s == "boom", s => throw new InvalidOperationException(s));
            Receive<string>(s => probe.Tell("timer fired: " + s, Self));
        }

        public ITimerScheduler Timers { get; set; } = null!;

        protected override void PreStart()
        {
            if (_incarnation == 1)
            {
                Timers.StartSingleTimer("key", "single", TimeSpan.FromSeconds(1));
                Timers.StartPeriodicTimer("tick", "periodic", TimeSpan.FromSeconds(1));
                _probe.Tell("timer started", Self);
            }
            else
            {
                _probe.Tell("restarted", Self);
            }
        }
    }

    private sealed class ThrowsInPostStop : ReceiveActor
    {
        public ThrowsInPostStop() => ReceiveAny(_ => { });

        protected override void PostStop() => throw new InvalidOperationException("cleanup failed");
    }

    private sealed class ThrowingConstructor : ReceiveActor
    {
        public ThrowingConstructor() => throw new InvalidOperationException("cannot start");
    }

    private sealed class TwoChildren : ReceiveActor
    {
        public TwoChildren(IActorRef probe, SupervisorStrategy strategy)
        {
            Strategy = strategy;
            var a = Context.ActorOf(Props.Create(() => new Named(probe, "a")), "a");
            Context.ActorOf(Props.Create(() => new Named(probe, "b")), "b");
            Receive<string>(s => s == "boom-a", _ => a.Tell("boom", Self));
        }

        private SupervisorStrategy Strategy { get; }

        protected override SupervisorStrategy SupervisorStrategy() => Strategy;
    }

    private sealed class Named : ReceiveActor
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Incarnations = new();
        private readonly IActorRef _probe;
        private readonly string _name;
        private readonly int _incarnation;

        public Named(IActorRef probe, string name)
        {
            _probe = probe;
            _name = name;
            _incarnation = Incarnations.AddOrUpdate(probe.Path + name, 1, (_, n) => n + 1);
            Receive<string>(s => throw new InvalidOperationException(s));
        }

        protected override void PreStart() => _probe.Tell($"{_name}:prestart#{_incarnation}", Self);

        protected override void PreRestart(Exception reason, object? message)
        {
            _probe.Tell($"{_name}:prerestart#{_incarnation}:{reason.GetType().Name}:{message}", Self);
            base.PreRestart(reason, message);
        }
    }
}
