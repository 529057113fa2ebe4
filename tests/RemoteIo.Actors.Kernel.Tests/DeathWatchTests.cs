using RemoteIo.Actors.Kernel.Event;
using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Kernel.Tests;

public sealed class DeathWatchTests : ActorTestKit
{
    [Fact]
    public void Stop_ParentWithChildren_ChildrenStopBeforeParent()
    {
        var probe = CreateTestProbe();
        var parent = ActorOf(Props.Create(() => new TreeActor(probe)), "tree");

        // The children are created in the parent's constructor and start on their own threads, so
        // their PreStart may run before the parent's: the three starts come in any order.
        Assert.Equivalent(new[] { "parent:prestart", "c1:prestart", "c2:prestart" }, probe.ReceiveN(3));

        Sys.Stop(parent);

        var stops = probe.ReceiveN(3);
        Assert.Equal("parent:poststop", stops[2]);
        Assert.Equivalent(new[] { "c1:poststop", "c2:poststop" }, stops.Take(2));
    }

    [Fact]
    public void Stop_RemainingMailboxAndStash_GoToDeadLettersInOrder()
    {
        var letters = CreateTestProbe();
        Sys.EventStream.Subscribe(letters, typeof(DeadLetter));
        var actor = ActorOf(Props.Create<StashUntilStop>());

        actor.TellAll(TestActor, "a", "b", "stop", "c", "d");

        var dead = Enumerable.Range(0, 4).Select(_ => letters.ExpectMsg<DeadLetter>()).ToList();
        Assert.Equal(["a", "b", "c", "d"], dead.Select(d => d.Message));
        Assert.All(dead, d => Assert.Equal(actor, d.Recipient));
        Assert.All(dead, d => Assert.Equal(TestActor, d.Sender));
    }

    [Fact]
    public void Watch_SeveralWatchersOneWatchingTwice_EachGetsExactlyOneTerminated()
    {
        var actor = ActorOf(Props.Create<EchoActor>());
        var watchers = Enumerable.Range(0, 3).Select(_ => CreateTestProbe()).ToList();
        watchers.ForEach(w => w.Watch(actor));
        watchers[0].Watch(actor);

        Sys.Stop(actor);

        foreach (var watcher in watchers)
        {
            var terminated = watcher.ExpectTerminated(actor);
            Assert.True(terminated.ExistenceConfirmed);
            Assert.False(terminated.AddressTerminated);
            watcher.ExpectNoMsg();
        }
    }

    [Fact]
    public void Watch_AlreadyDead_TerminatedAtOnce()
    {
        var actor = Watch(ActorOf(Props.Create<EchoActor>()));
        Sys.Stop(actor);
        ExpectTerminated(actor);
        var late = CreateTestProbe();

        late.Watch(actor);

        Assert.False(late.ExpectTerminated(actor).ExistenceConfirmed);
        late.ExpectNoMsg();
    }

    [Fact]
    public void Watch_ChildRestarts_NoTerminated()
    {
        var parent = ActorOf(Props.Create(() => new ParentActor(Props.Create<FailOnBoom>(), "child", null)));
        parent.Tell("child?", TestActor);
        var child = Watch(ExpectMsg<IActorRef>());

        child.Tell("boom", TestActor);
        child.Tell("ping", TestActor);

        ExpectMsg("ping");
        ExpectNoMsg();
    }

    [Fact]
    public void Unwatch_BeforeStop_NoTerminated()
    {
        var actor = Watch(ActorOf(Props.Create<EchoActor>()));
        var other = CreateTestProbe();
        other.Watch(actor);

        Unwatch(actor);
        Sys.Stop(actor);

        other.ExpectTerminated(actor);
        ExpectNoMsg();
    }

    [Fact]
    public void Terminated_NotHandled_WatcherFailsWithDeathPact()
    {
        var target = ActorOf(Props.Create<EchoActor>());
        var watcher = Watch(ActorOf(Props.Create(() => new WatchWithoutHandling(target))));
        watcher.Tell("ready?", TestActor);
        ExpectMsg("ready");

        Sys.Stop(target);

        ExpectTerminated(watcher);
    }

    [Fact]
    public void WatchWith_Stop_CustomMessageInsteadOfTerminated()
    {
        var target = ActorOf(Props.Create<EchoActor>());
        var watcher = ActorOf(Props.Create(() => new CustomWatcher(target, TestActor)));
        watcher.Tell("ready?", TestActor);
        ExpectMsg("ready");

        Sys.Stop(target);

        ExpectMsg("target gone");
        ExpectNoMsg();
    }

    [Fact]
    public void Watch_ParentWatchesChild_ExactlyOneTerminated()
    {
        var parent = ActorOf(Props.Create(() => new WatchingParent(TestActor)));
        parent.Tell("stop child", TestActor);

        ExpectMsg<Terminated>();
        ExpectNoMsg();
    }

    [Fact]
    public void ActorOf_NameOfStoppedChild_ReusableOnceTerminated()
    {
        var first = Watch(ActorOf(Props.Create<EchoActor>(), "name"));
        Sys.Stop(first);
        ExpectTerminated(first);
        Settle();

        var second = ActorOf(Props.Create<EchoActor>(), "name");
        second.Tell("hi", TestActor);

        ExpectMsg("hi");
    }

    private sealed class TreeActor : ReceiveActor
    {
        private readonly IActorRef _probe;

        public TreeActor(IActorRef probe)
        {
            _probe = probe;
            Context.ActorOf(Props.Create(() => new ReportingActor(probe, "c1")), "c1");
            Context.ActorOf(Props.Create(() => new ReportingActor(probe, "c2")), "c2");
            ReceiveAny(_ => { });
        }

        protected override void PreStart() => _probe.Tell("parent:prestart", Self);

        protected override void PostStop() => _probe.Tell("parent:poststop", Self);
    }

    private sealed class StashUntilStop : ReceiveActor, IWithStash
    {
        public StashUntilStop()
        {
            Receive<string>(s => s == "stop", _ => Context.Stop(Self));
            ReceiveAny(_ => Stash.Stash());
        }

        public IStash Stash { get; set; } = null!;
    }

    private sealed class FailOnBoom : ReceiveActor
    {
        public FailOnBoom()
        {
            Receive<string>(s => s == "boom", s => throw new InvalidOperationException(s));
            ReceiveAny(m => Sender.Tell(m, Self));
        }
    }

    private sealed class WatchWithoutHandling : ReceiveActor
    {
        public WatchWithoutHandling(IActorRef target)
        {
            Context.Watch(target);
            Receive<string>(_ => Sender.Tell("ready", Self));
        }
    }

    private sealed class CustomWatcher : ReceiveActor
    {
        public CustomWatcher(IActorRef target, IActorRef report)
        {
            Context.WatchWith(target, "target gone");
            Receive<string>(s => s == "ready?", _ => Sender.Tell("ready", Self));
            Receive<string>(s => report.Tell(s, Self));
            Receive<Terminated>(t => report.Tell(t, Self));
        }
    }

    private sealed class WatchingParent : ReceiveActor
    {
        public WatchingParent(IActorRef report)
        {
            var child = Context.Watch(Context.ActorOf(Props.Create<EchoActor>(), "child"));
            Receive<string>(_ => Context.Stop(child));
            Receive<Terminated>(t => report.Tell(t, Self));
        }
    }
}
