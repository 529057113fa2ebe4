using System.Collections.Concurrent;
using RemoteIo.Actors.Kernel.Dispatch;
using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Kernel.Tests;

/// <summary>The extension points the remote layer builds on, exercised with a fake remote reference.</summary>
public sealed class RemoteHookTests : ActorTestKit
{
    private static readonly Address Far = new("remoteio", "far", "10.0.0.9", 8509);

    private readonly FakeRemoteProvider _provider = new();

    public RemoteHookTests() => Sys.RegisterRemoteActorRefProvider(_provider);

    [Fact]
    public void ResolveActorRef_RemoteAddress_ProviderSuppliesTheReference()
    {
        var path = ActorPath.Parse("remoteio://far@10.0.0.9:8509/user/pins");

        var reference = Sys.ResolveActorRef(path);
        reference.Tell("claim", TestActor);

        var remote = Assert.IsType<FakeRemoteRef>(reference);
        Assert.False(remote.IsLocal);
        Assert.Equal([("claim", (IActorRef?)TestActor)], remote.Told);
    }

    [Fact]
    public void ActorSelection_RemoteAddress_DeliversThroughTheProvider()
    {
        Sys.ActorSelection("remoteio://far@10.0.0.9:8509/user/pins").Tell("hello", TestActor);

        Assert.Equal("hello", _provider.Get(ActorPath.Parse("remoteio://far@10.0.0.9:8509/user/pins")).Told.Single().Message);
    }

    [Fact]
    public void Watch_RemoteRefThenAddressTerminated_WatcherGetsOneTerminatedWithAddressTerminated()
    {
        var remote = (FakeRemoteRef)Sys.ResolveActorRef(ActorPath.RootOf(Far) / "user" / "session");
        var watcher = ActorOf(Props.Create(() => new RemoteWatcher(remote, TestActor)));
        ExpectMsg("watching");
        var watch = Assert.IsType<Watch>(Assert.Single(remote.SystemMessages));
        Assert.Equal(remote, watch.Watchee);

        watch.Watcher.SendSystemMessage(new DeathWatchNotification(remote, ExistenceConfirmed: false, AddressTerminated: true));
        watch.Watcher.SendSystemMessage(new DeathWatchNotification(remote, ExistenceConfirmed: false, AddressTerminated: true));

        Assert.Equal(new Terminated(remote, false, true), ExpectMsg<Terminated>());
        ExpectNoMsg();
        Assert.Equal(watcher, watch.Watcher);
    }

    [Fact]
    public void Unwatch_RemoteRef_UnwatchSentToTheRef()
    {
        var remote = (FakeRemoteRef)Sys.ResolveActorRef(ActorPath.RootOf(Far) / "user" / "x");
        var watcher = ActorOf(Props.Create(() => new RemoteWatcher(remote, TestActor)));
        ExpectMsg("watching");

        watcher.Tell("unwatch", TestActor);
        ExpectMsg("unwatched");

        Assert.IsType<Unwatch>(remote.SystemMessages.Last());
    }

    [Fact]
    public void DeliverLocal_RemoteSender_ActorSeesItAndRepliesThroughIt()
    {
        var echo = ActorOf(Props.Create<EchoActor>(), "echo");
        var remoteSender = (FakeRemoteRef)Sys.ResolveActorRef(ActorPath.RootOf(Far) / "temp" / "$1");
        var inboundPath = ActorPath.Parse("remoteio://" + Sys.Name + "@192.168.1.5:8509/user/echo");

        Sys.DeliverLocal(inboundPath, "ping", remoteSender);

        AwaitCondition(() => !remoteSender.Told.IsEmpty);
        Assert.Equal(("ping", (IActorRef?)echo), remoteSender.Told.Single());
    }

    [Fact]
    public void LocalActor_WatchedByRemoteRef_NotifiesItOnStop()
    {
        var local = (IInternalActorRef)ActorOf(Props.Create<EchoActor>());
        var remoteWatcher = (FakeRemoteRef)Sys.ResolveActorRef(ActorPath.RootOf(Far) / "user" / "watcher");

        local.SendSystemMessage(new Watch(local, remoteWatcher));
        Sys.Stop(local);

        AwaitCondition(() => !remoteWatcher.SystemMessages.IsEmpty);
        Assert.Equal(new DeathWatchNotification(local, true, false), remoteWatcher.SystemMessages.Single());
    }

    [Fact]
    public void RegisterRemoteActorRefProvider_Twice_InvalidOperationException()
    {
        Assert.Throws<InvalidOperationException>(() => Sys.RegisterRemoteActorRefProvider(new FakeRemoteProvider()));
    }

    [Fact]
    public void ToSerializationFormatWithAddress_LocalRef_NamesTheNetworkAddressAndUid()
    {
        var local = ActorOf(Props.Create<EchoActor>(), "svc");
        var external = new Address("remoteio", Sys.Name, "192.168.1.5", 8509);

        var text = local.Path.ToSerializationFormatWithAddress(external);

        Assert.Equal($"remoteio://{Sys.Name}@192.168.1.5:8509/user/svc#{local.Path.Uid}", text);
        Assert.Equal(local, Sys.ResolveLocalActorRef(ActorPath.Parse(text)));
    }

    private sealed class FakeRemoteProvider : IRemoteActorRefProvider
    {
        private readonly ConcurrentDictionary<ActorPath, FakeRemoteRef> _refs = new();

        public FakeRemoteRef Get(ActorPath path) => _refs.GetOrAdd(path, p => new FakeRemoteRef(p));

        public IActorRef? ResolveActorRef(ActorPath path) => path.Address == Far ? Get(path) : null;
    }

    private sealed class FakeRemoteRef(ActorPath path) : ActorRefBase
    {
        public ConcurrentQueue<(object Message, IActorRef? Sender)> Told { get; } = new();

        public ConcurrentQueue<SystemMessage> SystemMessages { get; } = new();

        public override ActorPath Path => path;

        public override bool IsLocal => false;

        public override void Tell(object message, IActorRef? sender) => Told.Enqueue((message, sender));

        public override void SendSystemMessage(SystemMessage message) => SystemMessages.Enqueue(message);
    }

    private sealed class RemoteWatcher : ReceiveActor
    {
        public RemoteWatcher(IActorRef remote, IActorRef report)
        {
            Context.Watch(remote);
            report.Tell("watching", Self);
            Receive<string>(s => s == "unwatch", _ =>
            {
                Context.Unwatch(remote);
                Sender.Tell("unwatched", Self);
            });
            Receive<Terminated>(t => report.Tell(t, Self));
        }
    }
}
