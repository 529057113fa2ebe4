using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Remote.Tests.Messages;
using RemoteIo.Actors.Remote.Tests.Support;
using RemoteIo.Actors.Remote.Transports;
using RemoteIo.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace RemoteIo.Actors.Remote.Tests.Actors;

/// <summary>
/// Watching remote actors: when the association ends (cut, reset, heartbeat deadline, shutdown,
/// new incarnation) every watcher gets Terminated(ref, existenceConfirmed: false, addressTerminated: true);
/// within a resume grace period nothing is terminated.
/// </summary>
public sealed class RemoteDeathWatchTests(ITestOutputHelper output) : RemoteSystems(output)
{
    [Fact]
    public async Task ClientWatchesHostActor_InMemoryLinkCut_TerminatedWithAddressTerminated()
    {
        var (network, transport) = NewNetwork();
        var (host, hostRemoting) = NewSystem("host");
        await hostRemoting.ListenAsync(new InMemoryEndPoint("pi"), transport);
        host.ActorOf(Props.Create(() => new EchoActor(null)), "echo");
        var (client, remoting) = NewSystem("client");
        var address = await remoting.ConnectAsync(new InMemoryEndPoint("pi"), transport);
        var probe = new TestProbe(client);
        var echo = Resolve(client, address, "/user/echo");
        probe.Watch(echo);

        Assert.Single(network.Links).Cut();

        var terminated = probe.ExpectTerminated(echo);
        Assert.False(terminated.ExistenceConfirmed);
        Assert.True(terminated.AddressTerminated);
    }

    [Fact]
    public async Task HostWatchesClientSender_TcpResetLingerZero_TerminatedWithAddressTerminated()
    {
        var (_, remoting, clientRef, watcher) = await HostWatchingAClientAsync();

        Assert.Single(remoting.Node!.Associations).CurrentLink!.Abort();

        var terminated = watcher.ExpectTerminated(clientRef);
        Assert.True(terminated.AddressTerminated);
        Assert.False(terminated.ExistenceConfirmed);
    }

    [Fact]
    public async Task HostWatchesClientSender_ClientShutsDown_Terminated()
    {
        var (client, _, clientRef, watcher) = await HostWatchingAClientAsync();

        await client.Terminate().WaitAsync(PipeTestExtensions.Guard);

        Assert.True(watcher.ExpectTerminated(clientRef).AddressTerminated);
    }

    [Fact]
    public async Task NewIncarnationSameClientId_OldClientsActorsTerminatedAtOnce()
    {
        var (host, _, address) = await NewTcpHostAsync();
        var observer = new TestProbe(host);
        host.ActorOf(Props.Create(() => new EchoActor(observer)), "echo");
        var sameId = RemoteSettings.Default.WithClientId("kitchen-pi").WithResumeGracePeriod(TimeSpan.FromMinutes(5));
        var (oldClient, oldRemoting) = NewSystem("client", sameId);
        await oldRemoting.ConnectAsync(address);
        new TestProbe(oldClient).Send(Resolve(oldClient, address, "/user/echo"), new Ping { Number = 1 });
        var oldRef = observer.ExpectMsg<EchoActor.Seen>().Sender;
        var watcher = new TestProbe(host);
        watcher.Watch(oldRef);

        var (_, newRemoting) = NewSystem("client", sameId);
        await newRemoting.ConnectAsync(address);

        var terminated = watcher.ExpectTerminated(oldRef);
        Assert.True(terminated.AddressTerminated);
        Assert.NotEqual(oldRemoting.Incarnation, newRemoting.Incarnation);
    }

    [Fact]
    public async Task WatchAfterTheAssociationEnded_TerminatedAtOnce()
    {
        var (network, transport) = NewNetwork();
        var (host, hostRemoting) = NewSystem("host");
        await hostRemoting.ListenAsync(new InMemoryEndPoint("pi"), transport);
        var (client, remoting) = NewSystem("client");
        var address = await remoting.ConnectAsync(new InMemoryEndPoint("pi"), transport);
        var echo = Resolve(client, address, "/user/echo");
        var events = new TestProbe(client);
        client.EventStream.Subscribe(events.Ref, typeof(AssociationTerminatedEvent));
        Assert.Single(network.Links).Cut();
        events.ExpectMsg<AssociationTerminatedEvent>();
        var probe = new TestProbe(client);

        probe.Watch(echo);

        Assert.True(probe.ExpectTerminated(echo).AddressTerminated);
        Assert.True(((RemoteActorRef)echo).IsTerminated);
    }

    [Fact]
    public async Task Unwatch_ThenCut_NoTerminated()
    {
        var (network, transport) = NewNetwork();
        var (host, hostRemoting) = NewSystem("host");
        await hostRemoting.ListenAsync(new InMemoryEndPoint("pi"), transport);
        host.ActorOf(Props.Create(() => new EchoActor(null)), "echo"); // exists: the watch is not answered at once
        var (client, remoting) = NewSystem("client");
        var address = await remoting.ConnectAsync(new InMemoryEndPoint("pi"), transport);
        var echo = Resolve(client, address, "/user/echo");
        var probe = new TestProbe(client);
        var events = new TestProbe(client);
        client.EventStream.Subscribe(events.Ref, typeof(AssociationTerminatedEvent));
        probe.Watch(echo);
        probe.Unwatch(echo);

        Assert.Single(network.Links).Cut();

        events.ExpectMsg<AssociationTerminatedEvent>();
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task LinkCutWithinResumeGrace_ClientReconnects_NothingTerminatedAndMessagesFlow()
    {
        var grace = RemoteSettings.Default.WithResumeGracePeriod(TimeSpan.FromMinutes(1));
        var (network, transport) = NewNetwork();
        var (host, hostRemoting) = NewSystem("host", grace);
        await hostRemoting.ListenAsync(new InMemoryEndPoint("pi"), transport);
        var observer = new TestProbe(host);
        host.ActorOf(Props.Create(() => new EchoActor(observer)), "echo");
        var (client, remoting) = NewSystem("client", grace.WithReconnect(ReconnectSettings.Enabled));
        var address = await remoting.ConnectAsync(new InMemoryEndPoint("pi"), transport);
        var clientProbe = new TestProbe(client);
        var echo = Resolve(client, address, "/user/echo");
        clientProbe.Send(echo, new Ping { Number = 1 });
        clientProbe.ExpectMsg<Pong>();
        var clientRef = observer.ExpectMsg<EchoActor.Seen>().Sender;
        var hostWatcher = new TestProbe(host);
        hostWatcher.Watch(clientRef);
        clientProbe.Watch(echo);
        var resumed = new TestProbe(host);
        host.EventStream.Subscribe(resumed.Ref, typeof(AssociatedEvent));

        Assert.Single(network.Links).Cut();

        Assert.True(resumed.ExpectMsg<AssociatedEvent>().Resumed);
        clientProbe.Send(echo, new Ping { Number = 2 });
        Assert.Equal(2ul, clientProbe.ExpectMsg<Pong>().Number);
        hostWatcher.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Same(clientRef, observer.ExpectMsg<EchoActor.Seen>().Sender);
    }

    [Fact]
    public async Task SilentPeer_VirtualTime_HostWatcherTerminatedAfterTheHeartbeatDeadline()
    {
        var clock = new ManualTimeProvider();
        var settings = RemoteSettings.Default.WithHeartbeat(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
        var (network, transport) = NewNetwork(clock);
        var (host, hostRemoting) = NewSystem("host", settings, time: clock);
        await hostRemoting.ListenAsync(new InMemoryEndPoint("pi"), transport);
        var observer = new TestProbe(host);
        host.ActorOf(Props.Create(() => new EchoActor(observer)), "echo");
        var (client, remoting) = NewSystem("client", settings, time: clock);
        var address = await remoting.ConnectAsync(new InMemoryEndPoint("pi"), transport);
        new TestProbe(client).Send(Resolve(client, address, "/user/echo"), new Ping { Number = 1 });
        var clientRef = observer.ExpectMsg<EchoActor.Seen>().Sender;
        var watcher = new TestProbe(host);
        watcher.Watch(clientRef);
        Assert.Single(network.Links).Blackhole();

        clock.Advance(TimeSpan.FromSeconds(4));
        watcher.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True(watcher.ExpectTerminated(clientRef).AddressTerminated);
    }

    [Fact]
    public async Task ClientWatchesHostActor_HostActorStops_TerminatedWithExistenceConfirmed()
    {
        var (host, echo, client, remoting, remoteEcho) = await EchoOverTcpAsync();
        var probe = new TestProbe(client);
        probe.Send(remoteEcho, new Ping { Number = 1 });
        probe.ExpectMsg<Pong>();
        probe.Watch(remoteEcho);
        // A round trip behind the watch request: the host has registered the watch before the echo
        // stops (a watch that arrives after the stop is rightly answered "never existed").
        probe.Send(remoteEcho, new Ping { Number = 2 });
        probe.ExpectMsg<Pong>();
        var hostSide = new TestProbe(host);
        hostSide.Watch(echo);

        host.Stop(echo);
        hostSide.ExpectTerminated(echo);

        var terminated = probe.ExpectTerminated(remoteEcho);
        Assert.True(terminated.ExistenceConfirmed);
        Assert.False(terminated.AddressTerminated);
        Assert.NotEmpty(remoting.Associations);
    }

    [Fact]
    public async Task WatchRemotePathWithNoActor_TerminatedAtOnceExistenceNotConfirmed()
    {
        var (_, _, address) = await NewTcpHostAsync();
        var (client, remoting) = NewSystem("client");
        await remoting.ConnectAsync(address);
        var nobody = Resolve(client, address, "/user/nobody-here");
        var probe = new TestProbe(client);

        probe.Watch(nobody);

        var terminated = probe.ExpectTerminated(nobody);
        Assert.False(terminated.ExistenceConfirmed);
        Assert.False(terminated.AddressTerminated);
    }

    [Fact]
    public async Task HostWatchesClientActor_ClientActorStops_HostWatcherTerminatedWhileLinkStaysUp()
    {
        var (host, _, address) = await NewTcpHostAsync();
        var observer = new TestProbe(host);
        host.ActorOf(Props.Create(() => new EchoActor(observer)), "echo");
        var (client, remoting) = NewSystem("client");
        await remoting.ConnectAsync(address);
        var session = client.ActorOf(Props.Create(() => new ForwardingSession(Resolve(client, address, "/user/echo"))), "session");
        session.Tell(new Ping { Number = 1 }, null);
        var clientActor = observer.ExpectMsg<EchoActor.Seen>().Sender;
        var watcher = new TestProbe(host);
        watcher.Watch(clientActor);
        // A round trip behind the watch request: the client has registered the watch before the
        // session stops (a watch that arrives after the stop is rightly answered "never existed").
        clientActor.Tell(new Ping { Number = 2 }, null);
        observer.ExpectMsg<EchoActor.Seen>();
        var clientWatcher = new TestProbe(client);
        clientWatcher.Watch(session);

        client.Stop(session);
        clientWatcher.ExpectTerminated(session);

        var terminated = watcher.ExpectTerminated(clientActor);
        Assert.True(terminated.ExistenceConfirmed);
        Assert.False(terminated.AddressTerminated);
    }

    [Fact]
    public async Task UnwatchRemoteActor_ThenItStops_NoTerminated()
    {
        var (host, echo, client, remoting, remoteEcho) = await EchoOverTcpAsync();
        var probe = new TestProbe(client);
        probe.Watch(remoteEcho);
        probe.Unwatch(remoteEcho);
        probe.Send(remoteEcho, new Ping { Number = 1 });
        probe.ExpectMsg<Pong>(); // the unwatch went out before this round trip

        host.Stop(echo);

        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    /// <summary>A client-side actor that forwards pings to the host's echo (so the host sees it as the sender).</summary>
    private sealed class ForwardingSession : ReceiveActor
    {
        public ForwardingSession(IActorRef echo)
        {
            Receive<Ping>(ping => echo.Tell(ping, Self));
            Receive<Pong>(_ => { });
        }
    }

    /// <summary>A TCP host with an echo actor and a connected client holding a reference to it.</summary>
    private async Task<(ActorSystem Host, IActorRef Echo, ActorSystem Client, Remoting Remoting, IActorRef RemoteEcho)> EchoOverTcpAsync()
    {
        var (host, _, address) = await NewTcpHostAsync();
        var echo = host.ActorOf(Props.Create(() => new EchoActor(null)), "echo");
        var (client, remoting) = NewSystem("client");
        await remoting.ConnectAsync(address);
        return (host, echo, client, remoting, Resolve(client, address, "/user/echo"));
    }

    /// <summary>A TCP host whose probe watches the sender of a client's first message.</summary>
    private async Task<(ActorSystem Client, Remoting Remoting, IActorRef ClientRef, TestProbe Watcher)> HostWatchingAClientAsync()
    {
        var (host, _, address) = await NewTcpHostAsync();
        var observer = new TestProbe(host);
        host.ActorOf(Props.Create(() => new EchoActor(observer)), "echo");
        var (client, remoting) = NewSystem("client");
        await remoting.ConnectAsync(address);
        new TestProbe(client).Send(Resolve(client, address, "/user/echo"), new Ping { Number = 1 });
        var clientRef = observer.ExpectMsg<EchoActor.Seen>().Sender;
        var watcher = new TestProbe(host);
        watcher.Watch(clientRef);
        return (client, remoting, clientRef, watcher);
    }
}
