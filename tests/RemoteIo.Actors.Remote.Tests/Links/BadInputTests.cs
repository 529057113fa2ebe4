using System.Net;
using Google.Protobuf;
using RemoteIo.Actors.Protocol.Remoting;
using RemoteIo.Actors.Remote.Framing;
using RemoteIo.Actors.Remote.Links;
using RemoteIo.Actors.Remote.Tests.Messages;
using RemoteIo.Actors.Remote.Tests.Support;
using RemoteIo.Actors.Remote.Transports;
using Xunit;
using Xunit.Abstractions;

namespace RemoteIo.Actors.Remote.Tests.Links;

/// <summary>
/// Bad input from one peer (oversized, malformed or unknown frames and payloads) closes or rejects
/// only what that peer sent: the other links and the host keep running. Real TCP on 127.0.0.1.
/// </summary>
public sealed class BadInputTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>TCP.</summary>
    private readonly RemoteTransport _tcp = RemoteTransport.Tcp();

    /// <summary>The server under test (1 MiB frames).</summary>
    private TestNode _server = null!;

    /// <summary>A well-behaved client that must not notice anything.</summary>
    private TestNode _bystander = null!;

    /// <summary>The bystander's association.</summary>
    private Association _bystanderAssociation = null!;

    /// <summary>Where the server listens.</summary>
    private EndPoint _endPoint = null!;

    public async Task InitializeAsync()
    {
        _server = new TestNode("server", RemoteSettings.Default, output: output);
        _endPoint = (await _server.ListenAsync(_tcp, new IPEndPoint(IPAddress.Loopback, 0))).LocalEndPoint;
        _bystander = new TestNode("bystander", RemoteSettings.Default, output: output);
        _bystanderAssociation = await _bystander.ConnectAsync(_tcp, _endPoint);
        await _server.Handler.Associated.NextAsync("the bystander's association");
    }

    public async Task DisposeAsync()
    {
        await _bystander.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task OversizedFrame_AfterHandshake_ClosesOnlyThatLinkWithFrameTooLarge()
    {
        var raw = await RawClient.ConnectAsync(_tcp, _endPoint);
        await _server.Handler.Associated.NextAsync("the raw client's association");

        // A prefix announcing 4 MiB; the server must refuse on the prefix, before buffering it.
        await raw.Output.WriteAsync(new byte[] { 0x80, 0x80, 0x80, 0x02, 1, 2, 3 });

        var goodbye = await RawClient.ReadDisassociateAsync(raw);
        Assert.Equal(DisassociateReason.FrameTooLarge, goodbye!.Reason);
        Assert.Contains("4194304 bytes exceeds the maximum frame size of 1048576", goodbye.Message, StringComparison.Ordinal);
        await AssertOnlyRawClientWasAffectedAsync("a frame of 4194304 bytes exceeds");
    }

    [Fact]
    public async Task MalformedFrame_AfterHandshake_ClosesOnlyThatLinkWithMalformedFrame()
    {
        var raw = await RawClient.ConnectAsync(_tcp, _endPoint);
        await _server.Handler.Associated.NextAsync("the raw client's association");

        // Three bytes that are not a Frame (field 31 with an invalid wire type).
        await raw.Output.WriteAsync(new byte[] { 3, 0xFF, 0xFF, 0xFF });

        var goodbye = await RawClient.ReadDisassociateAsync(raw);
        Assert.Equal(DisassociateReason.MalformedFrame, goodbye!.Reason);
        await AssertOnlyRawClientWasAffectedAsync("does not parse");
    }

    [Fact]
    public async Task OverlongLengthPrefix_ClosesThatLinkWithMalformedFrame()
    {
        var raw = await RawClient.ConnectAsync(_tcp, _endPoint);
        await _server.Handler.Associated.NextAsync("the raw client's association");

        await raw.Output.WriteAsync(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 });

        var goodbye = await RawClient.ReadDisassociateAsync(raw);
        Assert.Equal(DisassociateReason.MalformedFrame, goodbye!.Reason);
        await AssertOnlyRawClientWasAffectedAsync("invalid frame length prefix");
    }

    [Fact]
    public async Task FrameOfUnknownKind_ClosesThatLinkWithMalformedFrame()
    {
        var raw = await RawClient.ConnectAsync(_tcp, _endPoint);
        await _server.Handler.Associated.NextAsync("the raw client's association");

        // A frame with only field 99 (a kind from a future version this one does not know).
        await raw.Output.WriteAsync(new byte[] { 3, 0x98, 0x06, 0x01 });

        var goodbye = await RawClient.ReadDisassociateAsync(raw);
        Assert.Equal(DisassociateReason.MalformedFrame, goodbye!.Reason);
        await AssertOnlyRawClientWasAffectedAsync("no kind this protocol version knows");
    }

    [Fact]
    public async Task HandshakeFrameAfterHandshake_ClosesThatLinkWithUnexpectedFrame()
    {
        var raw = await RawClient.ConnectAsync(_tcp, _endPoint);
        await _server.Handler.Associated.NextAsync("the raw client's association");

        await FrameIO.WriteFrameAsync(raw.Output, new Frame { Hello = new Hello { ProtocolVersion = 1 } }, default);

        var goodbye = await RawClient.ReadDisassociateAsync(raw);
        Assert.Equal(DisassociateReason.UnexpectedFrame, goodbye!.Reason);
        await AssertOnlyRawClientWasAffectedAsync("unexpected Hello frame");
    }

    [Fact]
    public async Task OversizedFrame_BeforeHandshake_RefusedAtTheSmallerPreAssociationLimit()
    {
        var raw = await _tcp.ConnectAsync(_endPoint);
        await FrameIO.ReadFrameAsync(raw.Input, 65536, default);

        await raw.Output.WriteAsync(new byte[] { 0x80, 0x80, 0x08, 1 }); // 128 KiB announced

        var goodbye = await RawClient.ReadDisassociateAsync(raw);
        Assert.Equal(DisassociateReason.FrameTooLarge, goodbye!.Reason);
        Assert.Contains("maximum frame size of 65536", goodbye.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPayloadType_RejectedBackToSenderAndLinkStaysUp()
    {
        var client = new TestNode("client", RemoteSettings.Default, output: output);
        await using var _ = client;
        var association = await client.ConnectAsync(_tcp, _endPoint);

        TestNode.Send(association, new Unregistered { Text = "rm -rf /" }, recipient: "/user/pins", sender: "/user/asker", correlationId: 77);
        var rejected = await client.Handler.Rejected.NextAsync("the rejection");

        Assert.Equal(DeliveryRejectReason.UnknownType, rejected.Reason);
        Assert.Equal("remoteio.tests.v1.Unregistered", rejected.TypeName);
        Assert.Equal("/user/asker", rejected.Sender);
        Assert.Equal(77ul, rejected.CorrelationId);
        Assert.Contains("unknown message type 'remoteio.tests.v1.Unregistered'", rejected.Message, StringComparison.Ordinal);
        Assert.True(_server.Log.Contains(RemoteLogLevel.Warning, "rejected a delivery"));
        TestNode.Send(association, new Ping { Number = 5 });
        var (_, delivery) = await _server.Handler.Deliveries.NextAsync("the next message on the same link");
        Assert.Equal(5ul, ((Ping)delivery.Message).Number);
    }

    [Fact]
    public async Task MalformedPayload_RejectedBackToSenderAndLinkStaysUp()
    {
        var raw = await RawClient.ConnectAsync(_tcp, _endPoint);
        await _server.Handler.Associated.NextAsync("the raw client's association");

        var deliver = new Deliver { Recipient = "/user/echo", TypeName = Ping.Descriptor.FullName, Payload = ByteString.CopyFrom(0xFF, 0xFF), Sequence = 1 };
        await FrameIO.WriteFrameAsync(raw.Output, new Frame { Deliver = deliver }, default);

        Frame? frame;
        do
        {
            frame = await FrameIO.ReadFrameAsync(raw.Input, 1 << 20, default).AsTask().WaitAsync(PipeTestExtensions.Guard);
        }
        while (frame!.KindCase == Frame.KindOneofCase.Heartbeat);
        Assert.Equal(DeliveryRejectReason.MalformedPayload, frame.DeliveryRejected.Reason);
        Assert.Equal(1ul, frame.DeliveryRejected.Sequence);
        Assert.True(_server.Handler.Deliveries.IsEmpty(), "nothing may be delivered from a payload that does not parse");
        await raw.DisposeAsync();
    }

    [Fact]
    public async Task OutboundMessageAboveMaximumFrameSize_ReportedUndeliverableAndLinkStaysUp()
    {
        var client = new TestNode("client", RemoteSettings.Default.WithMaximumFrameSize(64 * 1024), output: output);
        await using var _ = client;
        var association = await client.ConnectAsync(_tcp, _endPoint);

        TestNode.Send(association, new Blob { Data = ByteString.CopyFrom(new byte[100_000]) });
        TestNode.Send(association, new Ping { Number = 9 });

        var (_, delivery) = await _server.Handler.Deliveries.NextAsync("the message after the oversized one");
        Assert.Equal(9ul, ((Ping)delivery.Message).Number);
        var (item, reason) = Assert.Single(client.Handler.Undeliverable);
        Assert.IsType<Blob>(item.Message);
        Assert.Contains("above the maximum frame size of 65536 bytes", reason, StringComparison.Ordinal);
    }

    /// <summary>The server logged the closing reason, and the bystander's link still carries messages both ways.</summary>
    private async Task AssertOnlyRawClientWasAffectedAsync(string logged)
    {
        await Eventually.TrueAsync(() => _server.Log.Contains(RemoteLogLevel.Warning, logged), $"a server log line with '{logged}'");
        var (terminated, _) = await _server.Handler.Terminated.NextAsync("the raw client's association ending");
        Assert.Equal("raw", terminated.Info.ClientId);

        TestNode.Send(_bystanderAssociation, new Ping { Number = 1 });
        var (from, delivery) = await _server.Handler.Deliveries.NextAsync("the bystander's message");
        Assert.Equal("bystander-id", from.Info.ClientId);
        TestNode.Send(from, new Pong { Number = ((Ping)delivery.Message).Number });
        var (_, reply) = await _bystander.Handler.Deliveries.NextAsync("the reply to the bystander");
        Assert.Equal(1ul, ((Pong)reply.Message).Number);
        Assert.Equal(AssociationState.Active, _bystanderAssociation.State);
    }
}
