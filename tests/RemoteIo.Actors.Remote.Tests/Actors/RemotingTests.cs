using System.Net;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Kernel.Event;
using RemoteIo.Actors.Remote.Tests.Messages;
using RemoteIo.Actors.Remote.Tests.Support;
using RemoteIo.Actors.Remote.Transports;
using RemoteIo.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace RemoteIo.Actors.Remote.Tests.Actors;

/// <summary>Two actor systems in one process talking through Remoting: Tell, reply, Ask, the sender's association, failures.</summary>
public sealed class RemotingTests(ITestOutputHelper output) : RemoteSystems(output)
{
    [Fact]
    public async Task RemoteTell_ToResolvedPath_ReplyComesBackWithARemoteSender()
    {
        var (host, _, address) = await NewTcpHostAsync();
        host.ActorOf(Props.Create(() => new EchoActor(null)), "echo");
        var (client, remoting) = NewSystem("client");
        var connected = await remoting.ConnectAsync(address);
        var probe = new TestProbe(client);

        probe.Send(Resolve(client, connected, "/user/echo"), new Ping { Number = 7 });

        Assert.Equal(7ul, probe.ExpectMsg<Pong>().Number);
        var sender = Assert.IsType<RemoteActorRef>(probe.LastSender);
        Assert.Equal(address + "/user/echo", sender.Path.ToString());
        Assert.Equal(address, connected);
    }

    [Fact]
    public async Task InboundMessage_HostActor_LearnsTheClientsAssociationFromSender()
    {
        var (host, _, address) = await NewTcpHostAsync();
        var observer = new TestProbe(host);
        host.ActorOf(Props.Create(() => new EchoActor(observer)), "echo");
        var (client, remoting) = NewSystem("client", RemoteSettings.Default.WithClientId("kitchen-pi"));
        await remoting.ConnectAsync(address);
        var probe = new TestProbe(client);

        probe.Send(Resolve(client, address, "/user/echo"), new Ping { Number = 1 });

        var seen = observer.ExpectMsg<EchoActor.Seen>();
        Assert.NotNull(seen.Association);
        Assert.Equal("kitchen-pi", seen.Association.ClientId);
        Assert.Equal(remoting.Incarnation, seen.Association.ClientIncarnation);
        Assert.Equal(remoting.Address.ToString(), seen.Association.RemoteAddress);
        Assert.Equal(remoting.Address + probe.Path.ToStringWithoutAddress(), seen.Sender.Path.ToString());
    }

    [Fact]
    public async Task Ask_AcrossSystems_CompletesWithTheReply()
    {
        var (host, _, address) = await NewTcpHostAsync();
        host.ActorOf(Props.Create(() => new EchoActor(null)), "echo");
        var (client, remoting) = NewSystem("client");
        await remoting.ConnectAsync(address);

        var pong = await Guarded(Resolve(client, address, "/user/echo").Ask<Pong>(new Ping { Number = 99 }, TimeSpan.FromSeconds(10)));

        Assert.Equal(99ul, pong.Number);
    }

    [Fact]
    public async Task Ask_TypeTheHostDoesNotRegister_FailsAtOnceWithRejectionAndHostLogsIt()
    {
        var (host, _, address) = await NewTcpHostAsync();
        host.ActorOf(Props.Create(() => new EchoActor(null)), "echo");
        var (client, remoting) = NewSystem("client", registry: NewRegistry().Register(Unregistered.Descriptor));
        await remoting.ConnectAsync(address);

        var error = await Assert.ThrowsAsync<RemoteDeliveryException>(
            () => Guarded(Resolve(client, address, "/user/echo").Ask<Pong>(new Unregistered { Text = "x" }, TimeSpan.FromMinutes(1))));

        Assert.Contains("UnknownType", error.Message, StringComparison.Ordinal);
        Assert.Contains("remoteio.tests.v1.Unregistered", error.Message, StringComparison.Ordinal);
        await EventuallyAsync(() => Logged(LogLevel.Warning, "rejected a delivery: unknown message type 'remoteio.tests.v1.Unregistered'"), "the host's warning");
    }

    [Fact]
    public async Task Tell_TypeTheHostDoesNotRegister_SenderActorGetsStatusFailure()
    {
        var (host, _, address) = await NewTcpHostAsync();
        host.ActorOf(Props.Create(() => new EchoActor(null)), "echo");
        var (client, remoting) = NewSystem("client", registry: NewRegistry().Register(Unregistered.Descriptor));
        await remoting.ConnectAsync(address);
        var probe = new TestProbe(client);

        probe.Send(Resolve(client, address, "/user/echo"), new Unregistered { Text = "x" });

        var failure = probe.ExpectMsg<Status.Failure>();
        var cause = Assert.IsType<RemoteDeliveryException>(failure.Cause);
        Assert.Contains("rejected by " + address, cause.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tell_NotAProtobufMessage_DeadLetterAndAskFailsAtOnce()
    {
        var (host, _, address) = await NewTcpHostAsync();
        var (client, remoting) = NewSystem("client");
        await remoting.ConnectAsync(address);
        var deadLetters = new TestProbe(client);
        client.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var echo = Resolve(client, address, "/user/echo");

        var error = await Assert.ThrowsAsync<RemoteDeliveryException>(() => Guarded(echo.Ask<Pong>("plain string", TimeSpan.FromMinutes(1))));

        Assert.Contains("String is not a protobuf message", error.Message, StringComparison.Ordinal);
        Assert.Equal("plain string", deadLetters.ExpectMsg<DeadLetter>().Message);
    }

    [Fact]
    public void Resolve_UnknownAddress_DeadReferenceWhoseWatchersHearAtOnce()
    {
        var (client, _) = NewSystem("client");
        var probe = new TestProbe(client);
        var nowhere = client.ResolveActorRef("remoteio://host@10.255.255.1:8509/user/pins");

        probe.Watch(nowhere);

        probe.ExpectTerminated(nowhere);
        Assert.IsNotType<RemoteActorRef>(nowhere);
    }

    [Fact]
    public async Task Resolve_OwnNetworkAddress_GivesTheLocalActor()
    {
        var (host, remoting, address) = await NewTcpHostAsync();
        var echo = host.ActorOf(Props.Create(() => new EchoActor(null)), "echo");

        var resolved = remoting.ResolveActorRef(ActorPath.Parse(address + "/user/echo"));

        Assert.Equal(echo, resolved);
    }

    [Fact]
    public async Task TenThousandTells_OneLink_ArriveInOrderNoneLost()
    {
        var (host, _, address) = await NewTcpHostAsync();
        var sink = new TestProbe(host);
        host.ActorOf(Props.Create(() => new ForwardActor(sink)), "sink");
        var (client, remoting) = NewSystem("client");
        await remoting.ConnectAsync(address);
        var target = Resolve(client, address, "/user/sink");

        for (var i = 1; i <= 10_000; i++)
        {
            target.Tell(new Ping { Number = (ulong)i }, null);
        }

        var received = sink.ReceiveN(10_000, TimeSpan.FromSeconds(30));
        Assert.Equal(Enumerable.Range(1, 10_000).Select(i => (ulong)i), received.Cast<Ping>().Select(p => p.Number));
    }

    [Fact]
    public async Task TenThousandTellsEach_SixteenClientSystems_EachInOrderNoneLost()
    {
        var (host, _, address) = await NewTcpHostAsync(settings: PatientHeartbeat.Settings);
        var sink = new TestProbe(host);
        host.ActorOf(Props.Create(() => new ForwardActor(sink, true)), "sink");
        var clients = new List<IActorRef>();
        for (var c = 0; c < 16; c++)
        {
            var (client, remoting) = NewSystem($"client{c}", PatientHeartbeat.Settings.WithClientId($"client-{c}"), quiet: true);
            await remoting.ConnectAsync(address);
            clients.Add(Resolve(client, address, "/user/sink"));
        }

        await Task.WhenAll(clients.Select(target => Task.Run(() =>
        {
            for (var i = 1; i <= 10_000; i++)
            {
                target.Tell(new Ping { Number = (ulong)i }, null);
            }
        })));

        var next = new Dictionary<string, ulong>();
        foreach (var message in sink.ReceiveN(160_000, TimeSpan.FromSeconds(60)))
        {
            var (clientId, ping) = ((string, Ping))message;
            var expected = next.GetValueOrDefault(clientId) + 1;
            Assert.Equal(expected, ping.Number);
            next[clientId] = expected;
        }

        Assert.Equal(16, next.Count);
    }

    [Fact]
    public async Task Events_AssociationLifecycle_PublishedOnTheEventStream()
    {
        var (host, _, address) = await NewTcpHostAsync();
        var events = new TestProbe(host);
        host.EventStream.Subscribe(events.Ref, typeof(AssociatedEvent));
        host.EventStream.Subscribe(events.Ref, typeof(AssociationTerminatedEvent));
        var (client, remoting) = NewSystem("client", RemoteSettings.Default.WithClientId("events"));

        await remoting.ConnectAsync(address);
        var associated = events.ExpectMsg<AssociatedEvent>();
        await client.Terminate().WaitAsync(PipeTestExtensions.Guard);
        var terminated = events.ExpectMsg<AssociationTerminatedEvent>();

        Assert.Equal("events", associated.Association.ClientId);
        Assert.False(associated.Resumed);
        Assert.Equal(associated.Association, terminated.Association);
        Assert.Contains("Shutdown", terminated.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_Twice_Refused()
    {
        var (system, _) = NewSystem("twice");

        var error = Assert.Throws<InvalidOperationException>(() => Remoting.Start(system, RemoteSettings.Default));

        Assert.Contains("already started", error.Message, StringComparison.Ordinal);
        Assert.NotNull(Remoting.Get(system));
    }

    [Fact]
    public async Task Listen_AllInterfacesWithoutSecret_RefusedAtStartupWithTheReasonLogged()
    {
        var (_, remoting) = NewSystem("host");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => remoting.ListenAsync(new IPEndPoint(IPAddress.Any, 0)));

        Assert.Contains("bound to 0.0.0.0", error.Message, StringComparison.Ordinal);
        Assert.Empty(remoting.ListenEndPoints);
    }

    [Fact]
    public async Task Listen_Loopback_LogsAuthenticationOffAndAddressCarriesTheBoundPort()
    {
        var (_, remoting, address) = await NewTcpHostAsync();

        Assert.True(Logged(LogLevel.Info, "authentication off: loopback only (tcp 127.0.0.1:"));
        Assert.Equal("127.0.0.1", address.Host);
        Assert.Equal(((IPEndPoint)Assert.Single(remoting.ListenEndPoints)).Port, address.Port);
    }

    [Fact]
    public async Task InMemory_TellAndReply_WorksWithAnExplicitTransport()
    {
        var (_, transport) = NewNetwork();
        var (host, hostRemoting) = NewSystem("host");
        await hostRemoting.ListenAsync(new InMemoryEndPoint("pi"), transport);
        host.ActorOf(Props.Create(() => new EchoActor(null)), "echo");
        var (client, remoting) = NewSystem("client");
        var address = await remoting.ConnectAsync(new InMemoryEndPoint("pi"), transport);
        var probe = new TestProbe(client);

        probe.Send(Resolve(client, address, "/user/echo"), new Ping { Number = 3 });

        Assert.Equal(3ul, probe.ExpectMsg<Pong>().Number);
        Assert.Equal("remoteio://host@pi:0", address.ToString());
    }

    [Fact]
    public async Task ReplyOnBehalfOfTheClient_SenderIsTheClientsOwnActor_ResolvedLocallyOnTheClient()
    {
        var (host, _, address) = await NewTcpHostAsync();
        host.ActorOf(Props.Create(() => new BounceActor()), "bounce");
        var (client, remoting) = NewSystem("client");
        await remoting.ConnectAsync(address);
        var probe = new TestProbe(client);

        probe.Send(Resolve(client, address, "/user/bounce"), new Ping { Number = 4 });

        Assert.Equal(4ul, probe.ExpectMsg<Pong>().Number);
        Assert.Equal(probe.Ref, probe.LastSender);
    }

    /// <summary>Answers with the original sender as the reply's sender (the host names a client actor by its full path).</summary>
    private sealed class BounceActor : ReceiveActor
    {
        public BounceActor()
        {
            Receive<Ping>(ping => Sender.Tell(new Pong { Number = ping.Number }, Sender));
        }
    }

    /// <summary>Forwards what it receives to a probe (with the sender's client id when asked).</summary>
    private sealed class ForwardActor : ReceiveActor
    {
        public ForwardActor(IActorRef target, bool withClient = false)
        {
            Receive<Ping>(ping => target.Tell(withClient ? (Remoting.AssociationOf(Sender)!.ClientId, ping) : ping, Self));
        }
    }
}
