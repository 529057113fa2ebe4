using System.Net;
using Google.Protobuf;
using RemoteIo.Actors.Protocol;
using RemoteIo.Actors.Remote.Links;
using RemoteIo.Actors.Remote.Tests.Messages;
using RemoteIo.Actors.Remote.Transports;
using Xunit.Abstractions;

namespace RemoteIo.Actors.Remote.Tests.Support;

/// <summary>A <see cref="RemoteNode"/> with a recording handler and log, for link-layer tests.</summary>
internal sealed class TestNode : IAsyncDisposable
{
    /// <summary>The registry every test node uses: the test messages except <c>Unregistered</c>.</summary>
    public static MessageRegistry Registry { get; } = new MessageRegistry()
        .Register(Ping.Descriptor).Register(Pong.Descriptor).Register(Blob.Descriptor);

    /// <summary>Creates a node.</summary>
    public TestNode(string name, RemoteSettings settings, TimeProvider? time = null, ITestOutputHelper? output = null, string? clientId = null, ulong? incarnation = null)
    {
        Log = new RecordingLog(name, output);
        Handler = new RecordingHandler();
        Node = new RemoteNode(
            new NodeIdentity($"remoteio://{name}@{name}:0", incarnation ?? ClientIdentity.NewIncarnation(), clientId ?? settings.ClientId ?? $"{name}-id"),
            settings,
            Registry,
            time ?? TimeProvider.System,
            Log,
            Handler);
    }

    public RemoteNode Node { get; }

    public RecordingLog Log { get; }

    public RecordingHandler Handler { get; }

    public Task<TransportListener> ListenAsync(RemoteTransport transport, EndPoint endPoint) => Node.ListenAsync(transport, endPoint);

    public Task<Association> ConnectAsync(RemoteTransport transport, EndPoint endPoint) => Node.ConnectAsync(transport, endPoint);

    public ValueTask DisposeAsync() => Node.DisposeAsync();

    /// <summary>Queues a message for the peer's actor at <paramref name="recipient"/>.</summary>
    public static EnqueueResult Send(Association association, IMessage message, string recipient = "/user/echo", string sender = "/user/test", ulong correlationId = 0)
    {
        return association.Queue.TryEnqueue(Item(message, recipient, sender, correlationId));
    }

    /// <summary>Queues a message, waiting asynchronously while the queue is full (backpressure without blocking a thread).</summary>
    public static ValueTask<EnqueueResult> SendAsync(Association association, IMessage message, string recipient = "/user/echo", string sender = "/user/test") =>
        association.Queue.EnqueueAsync(Item(message, recipient, sender, 0), PipeTestExtensions.Guard, TimeProvider.System, CancellationToken.None);

    /// <summary>An outbound item for a registered test message.</summary>
    public static OutboundItem Item(IMessage message, string recipient = "/user/echo", string sender = "/user/test", ulong correlationId = 0)
    {
        if (!Registry.TryGetTypeName(message.GetType(), out var typeName))
        {
            typeName = System.Text.Encoding.UTF8.GetBytes(message.Descriptor.FullName);
        }

        return new OutboundItem(message, typeName, recipient, sender, correlationId, context: null);
    }
}
