using System.Net;
using System.Net.Sockets;
using System.Buffers;
using Google.Protobuf;
using RemoteIo.Actors.Protocol.Remoting;
using RemoteIo.Actors.Remote.Framing;
using RemoteIo.Actors.Remote.Handshake;
using RemoteIo.Actors.Remote.Links;
using RemoteIo.Actors.Remote.Tests.Messages;
using RemoteIo.Actors.Remote.Tests.Support;
using RemoteIo.Actors.Remote.Transports;
using RemoteIo.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace RemoteIo.Actors.Remote.Tests.Links;

/// <summary>Handshake, authentication and version negotiation over real TCP sockets on 127.0.0.1 (and raw peers where a test must misbehave).</summary>
public sealed class HandshakeTests(ITestOutputHelper output) : NodeTests(output)
{
    /// <summary>The shared secret of the happy paths.</summary>
    private static readonly SharedSecret Secret = SharedSecret.FromText("correct horse battery staple");

    /// <summary>TCP.</summary>
    private readonly RemoteTransport _tcp = RemoteTransport.Tcp();

    [Fact]
    public async Task Connect_LoopbackWithoutSecret_AssociatesBothSidesWithIdentities()
    {
        var (server, endPoint) = await StartServerAsync(RemoteSettings.Default);
        var client = Node("client", RemoteSettings.Default, clientId: "kitchen");

        var association = await client.ConnectAsync(_tcp, endPoint);
        var (inbound, resumed) = await server.Handler.Associated.NextAsync("the server's association");

        Assert.False(resumed);
        Assert.Equal(AssociationDirection.Outbound, association.Info.Direction);
        Assert.Equal("remoteio://server@server:0", association.Info.RemoteAddress);
        Assert.Equal(server.Node.Identity.Incarnation, association.Info.RemoteIncarnation);
        Assert.Equal(AssociationDirection.Inbound, inbound.Info.Direction);
        Assert.Equal("kitchen", inbound.Info.ClientId);
        Assert.Equal(client.Node.Identity.Incarnation, inbound.Info.ClientIncarnation);
        Assert.Equal("remoteio://client@client:0", inbound.Info.RemoteAddress);
        Assert.True(server.Log.Contains(RemoteLogLevel.Info, "authentication off: loopback only"));
    }

    [Fact]
    public async Task Connect_SameSecretBothSides_AssociatesAndMessagesFlow()
    {
        var settings = RemoteSettings.Default.WithSecret(Secret);
        var (server, endPoint) = await StartServerAsync(settings);
        var client = Node("client", settings);

        var association = await client.ConnectAsync(_tcp, endPoint);
        TestNode.Send(association, new Ping { Number = 7 });

        var (_, delivery) = await server.Handler.Deliveries.NextAsync("the ping");
        Assert.Equal(7ul, ((Ping)delivery.Message).Number);
        Assert.True(server.Log.Contains(RemoteLogLevel.Info, "authentication required"));
    }

    [Fact]
    public async Task Connect_WrongSecret_ClientGetsAuthenticationExceptionServerLogsOtherLinksUntouched()
    {
        var (server, endPoint) = await StartServerAsync(RemoteSettings.Default.WithSecret(Secret));
        var good = Node("good", RemoteSettings.Default.WithSecret(Secret));
        var goodAssociation = await good.ConnectAsync(_tcp, endPoint);
        var bad = Node("bad", RemoteSettings.Default.WithSecret(SharedSecret.FromText("wrong secret, sorry")));

        var error = await Assert.ThrowsAsync<AuthenticationException>(() => bad.ConnectAsync(_tcp, endPoint));

        Assert.Contains("refused the authentication", error.Message, StringComparison.Ordinal);
        Assert.Contains("wrong secret", error.Message, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => server.Log.Contains(RemoteLogLevel.Warning, "authentication failed: wrong secret"), "the server's log line");
        TestNode.Send(goodAssociation, new Ping { Number = 1 });
        var (from, _) = await server.Handler.Deliveries.NextAsync("a message on the good link");
        Assert.Equal("good-id", from.Info.ClientId);
        Assert.Single(server.Node.Associations);
    }

    [Fact]
    public async Task Connect_ClientWithoutSecretToAuthenticatingServer_ClearAuthenticationException()
    {
        var (_, endPoint) = await StartServerAsync(RemoteSettings.Default.WithSecret(Secret));
        var client = Node("client", RemoteSettings.Default);

        var error = await Assert.ThrowsAsync<AuthenticationException>(() => client.ConnectAsync(_tcp, endPoint));

        Assert.Contains("requires authentication and this client has no secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_ClientWithSecretToUnauthenticatedServer_RefusesTheServer()
    {
        var (_, endPoint) = await StartServerAsync(RemoteSettings.Default);
        var client = Node("client", RemoteSettings.Default.WithSecret(Secret));

        var error = await Assert.ThrowsAsync<AuthenticationException>(() => client.ConnectAsync(_tcp, endPoint));

        Assert.Contains("server does not authenticate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_ImpostorServerWithoutTheSecret_ClientRejectsItsProof()
    {
        await using var listener = await _tcp.ListenAsync(new IPEndPoint(IPAddress.Loopback, 0));
        var impostor = Task.Run(async () =>
        {
            var connection = (await listener.AcceptAsync())!;
            var hello = new Hello
            {
                ProtocolVersion = 1,
                MinProtocolVersion = 1,
                ServerNonce = ByteString.CopyFrom(new byte[32]),
                AuthenticationRequired = true,
                ServerAddress = "remoteio://host@evil:1",
                ServerIncarnation = 1,
            };
            await FrameIO.WriteFrameAsync(connection.Output, new Frame { Hello = hello }, default);
            await FrameIO.ReadFrameAsync(connection.Input, 65536, default);
            var ack = new AssociateAck { ProtocolVersion = 1, ServerProof = ByteString.CopyFrom(new byte[32]) };
            await FrameIO.WriteFrameAsync(connection.Output, new Frame { AssociateAck = ack }, default);
            return await FrameIO.ReadFrameAsync(connection.Input, 65536, default);
        });
        var client = Node("client", RemoteSettings.Default.WithSecret(Secret));

        var error = await Assert.ThrowsAsync<AuthenticationException>(() => client.ConnectAsync(_tcp, listener.LocalEndPoint));

        Assert.Contains("does not know the shared secret", error.Message, StringComparison.Ordinal);
        var goodbye = await impostor.WaitAsync(PipeTestExtensions.Guard);
        Assert.Equal(DisassociateReason.AuthenticationFailed, goodbye!.Disassociate.Reason);
    }

    [Fact]
    public async Task Connect_SecretNeverCrossesTheWire_OnlyNoncesAndProofsDo()
    {
        var secretText = "this-secret-must-stay-home";
        var secret = SharedSecret.FromText(secretText);
        await using var listener = await _tcp.ListenAsync(new IPEndPoint(IPAddress.Loopback, 0));
        var recording = Task.Run(async () =>
        {
            var connection = (await listener.AcceptAsync())!;
            var hello = new Hello { ProtocolVersion = 1, MinProtocolVersion = 1, ServerNonce = ByteString.CopyFrom(HandshakeProof.NewNonce()), AuthenticationRequired = true, ServerAddress = "remoteio://host@h:1", ServerIncarnation = 9 };
            await FrameIO.WriteFrameAsync(connection.Output, new Frame { Hello = hello }, default);
            var received = await ReadOneFrameRawAsync(connection);
            await connection.DisposeAsync();
            return received;
        });
        var client = Node("client", RemoteSettings.Default.WithSecret(secret).WithConnectTimeout(TimeSpan.FromSeconds(10)));
        var connecting = client.ConnectAsync(_tcp, listener.LocalEndPoint);
        var bytes = await recording.WaitAsync(PipeTestExtensions.Guard);
        await Assert.ThrowsAsync<TransportException>(() => connecting);

        FrameCodec.TryReadPrefix(new ReadOnlySequence<byte>(bytes), out _, out var prefixSize);
        var associate = Frame.Parser.ParseFrom(bytes.AsSpan(prefixSize)).Associate;
        Assert.Equal(32, associate.Proof.Length);
        Assert.Equal(-1, bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(secretText)));
    }

    [Fact]
    public async Task Connect_NoCommonProtocolVersion_ClientRefusesWithBothRanges()
    {
        var (server, endPoint) = await StartServerAsync(RemoteSettings.Default);
        var client = new TestNode("client", RemoteSettings.Default, output: Output);
        var future = new RemoteNode(client.Node.Identity, client.Node.Settings, TestNode.Registry, TimeProvider.System, client.Log, client.Handler)
        {
            Versions = new ProtocolVersionRange(2, 3),
        };
        await using var _ = future;

        var error = await Assert.ThrowsAsync<AssociationRefusedException>(() => future.ConnectAsync(_tcp, endPoint));

        Assert.Equal(DisassociateReason.ProtocolVersionMismatch, error.Reason);
        Assert.Contains("the server speaks 1, this client 2..3", error.Message, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => server.Log.Contains(RemoteLogLevel.Warning, "the client broke off the handshake: ProtocolVersionMismatch"), "the server noting the refusal");
    }

    [Fact]
    public async Task Associate_VersionOutsideServerRange_ServerDisassociatesNamingItsRange()
    {
        var (server, endPoint) = await StartServerAsync(RemoteSettings.Default);
        var connection = await _tcp.ConnectAsync(endPoint);
        var hello = (await FrameIO.ReadFrameAsync(connection.Input, 65536, default))!.Hello;

        var associate = new Associate
        {
            ProtocolVersion = 7,
            ClientAddress = "remoteio://c@c:0",
            ClientId = "raw",
            Incarnation = 1,
            ClientNonce = ByteString.CopyFrom(new byte[32]),
        };
        await FrameIO.WriteFrameAsync(connection.Output, new Frame { Associate = associate }, default);
        var answer = await FrameIO.ReadFrameAsync(connection.Input, 65536, default);

        Assert.Equal(1u, hello.ProtocolVersion);
        Assert.Equal(DisassociateReason.ProtocolVersionMismatch, answer!.Disassociate.Reason);
        Assert.Contains("this server speaks 1", answer.Disassociate.Message, StringComparison.Ordinal);
        Assert.True(server.Log.Contains(RemoteLogLevel.Warning, "protocol version 7 is not supported"));
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task Associate_InvalidFields_ServerDisassociatesInvalidAssociate()
    {
        var (_, endPoint) = await StartServerAsync(RemoteSettings.Default);
        var connection = await _tcp.ConnectAsync(endPoint);
        await FrameIO.ReadFrameAsync(connection.Input, 65536, default);

        var associate = new Associate { ProtocolVersion = 1, ClientAddress = "remoteio://c@c:0", ClientId = "raw", Incarnation = 0, ClientNonce = ByteString.CopyFrom(new byte[32]) };
        await FrameIO.WriteFrameAsync(connection.Output, new Frame { Associate = associate }, default);
        var answer = await FrameIO.ReadFrameAsync(connection.Input, 65536, default);

        Assert.Equal(DisassociateReason.InvalidAssociate, answer!.Disassociate.Reason);
        Assert.Contains("incarnation is 0", answer.Disassociate.Message, StringComparison.Ordinal);
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task Listen_AllInterfacesWithoutSecret_RefusedAtStartupAndPortReleased()
    {
        var node = Node("server", RemoteSettings.Default);
        var port = FreePort();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => node.ListenAsync(_tcp, new IPEndPoint(IPAddress.Any, port)));

        Assert.Contains("refusing to listen without authentication: bound to 0.0.0.0", error.Message, StringComparison.Ordinal);
        await using var again = await _tcp.ListenAsync(new IPEndPoint(IPAddress.Any, port));
    }

    [Fact]
    public async Task Listen_AllInterfacesWithSecret_LogsAuthenticationRequiredBoundToAllInterfaces()
    {
        var node = Node("server", RemoteSettings.Default.WithSecret(Secret));

        await node.ListenAsync(_tcp, new IPEndPoint(IPAddress.Any, 0));

        Assert.True(node.Log.Contains(RemoteLogLevel.Info, "authentication required: bound to 0.0.0.0"));
    }

    [Fact]
    public async Task Listen_WorldWritableUnixSocketWithoutSecret_Refused()
    {
        var directory = Directory.CreateTempSubdirectory("remoteio-auth-");
        try
        {
            var node = Node("server", RemoteSettings.Default);
            var open = RemoteTransport.UnixSocket(TransportOptions.Default.WithUnixSocketFileMode((UnixFileMode)0b110_110_110));

            var error = await Assert.ThrowsAsync<InvalidOperationException>(
                () => node.ListenAsync(open, new UnixDomainSocketEndPoint(Path.Combine(directory.FullName, "open.sock"))));

            Assert.Contains("any local user can connect", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Listen_RestrictedUnixSocketWithoutSecret_AuthenticationOffAndClientsAssociate()
    {
        var directory = Directory.CreateTempSubdirectory("remoteio-auth-");
        try
        {
            var uds = RemoteTransport.UnixSocket();
            var endPoint = new UnixDomainSocketEndPoint(Path.Combine(directory.FullName, "host.sock"));
            var server = Node("server", RemoteSettings.Default);
            await server.ListenAsync(uds, endPoint);
            var client = Node("client", RemoteSettings.Default);

            var association = await client.ConnectAsync(uds, endPoint);

            Assert.Equal(AssociationState.Active, association.State);
            Assert.True(server.Log.Contains(RemoteLogLevel.Info, "authentication off: unix socket"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Handshake_ClientSilentPastTimeout_ServerDisassociatesWithHandshakeTimeout()
    {
        var clock = new ManualTimeProvider();
        var network = new InMemoryNetwork(clock);
        var transport = RemoteTransport.InMemory(network);
        var server = Node("server", RemoteSettings.Default.WithHandshakeTimeout(TimeSpan.FromSeconds(10)), clock);
        await server.ListenAsync(transport, new InMemoryEndPoint("host"));
        var connection = await transport.ConnectAsync(new InMemoryEndPoint("host"));
        await FrameIO.ReadFrameAsync(connection.Input, 65536, default);

        clock.Advance(TimeSpan.FromSeconds(9.9));
        Assert.Empty(server.Node.Associations);
        var reading = FrameIO.ReadFrameAsync(connection.Input, 65536, default).AsTask();
        Assert.False(reading.IsCompleted, "nothing may happen before the handshake timeout");
        clock.Advance(TimeSpan.FromSeconds(0.1));

        var answer = await reading.WaitAsync(PipeTestExtensions.Guard);
        Assert.Equal(DisassociateReason.HandshakeTimeout, answer!.Disassociate.Reason);
    }


    /// <summary>A server node listening on 127.0.0.1 with a free port.</summary>
    private async Task<(TestNode Server, EndPoint EndPoint)> StartServerAsync(RemoteSettings settings)
    {
        var server = Node("server", settings);
        var listener = await server.ListenAsync(_tcp, new IPEndPoint(IPAddress.Loopback, 0));
        return (server, listener.LocalEndPoint);
    }

    /// <summary>Reads one whole frame and returns its bytes as they were on the wire (prefix included).</summary>
    private static async Task<byte[]> ReadOneFrameRawAsync(TransportConnection connection)
    {
        while (true)
        {
            var read = await connection.Input.ReadAsync().AsTask().WaitAsync(PipeTestExtensions.Guard);
            var buffer = read.Buffer;
            if (FrameCodec.TryReadFrame(ref buffer, 65536, out _, out _) == FrameStatus.Complete)
            {
                var raw = read.Buffer.Slice(0, buffer.Start).ToArray();
                connection.Input.AdvanceTo(buffer.Start);
                return raw;
            }

            Assert.False(read.IsCompleted, "the connection ended before a whole frame arrived");
            connection.Input.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    /// <summary>A TCP port free right now.</summary>
    private static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Any, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
