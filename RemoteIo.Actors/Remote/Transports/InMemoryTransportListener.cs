using System.Net;
using System.Threading.Channels;

namespace RemoteIo.Actors.Remote.Transports;

/// <summary>A name on an <see cref="InMemoryNetwork"/> that accepts connections.</summary>
internal sealed class InMemoryTransportListener : TransportListener
{
    /// <summary>The network it is registered on.</summary>
    private readonly InMemoryNetwork _network;

    /// <summary>Connections offered but not yet accepted.</summary>
    private readonly Channel<TransportConnection> _pending = Channel.CreateUnbounded<TransportConnection>();

    /// <summary>Creates the listener (registration is the transport's job).</summary>
    /// <param name="network">The network.</param>
    /// <param name="endPoint">Its name.</param>
    public InMemoryTransportListener(InMemoryNetwork network, InMemoryEndPoint endPoint)
    {
        _network = network;
        EndPoint = endPoint;
    }

    /// <summary>Its name.</summary>
    public string Name => EndPoint.Name;

    /// <summary>Its endpoint.</summary>
    public InMemoryEndPoint EndPoint { get; }

    /// <inheritdoc />
    public override EndPoint LocalEndPoint => EndPoint;

    /// <inheritdoc />
    public override ListenerExposure Exposure => ListenerExposure.InProcess;

    /// <inheritdoc />
    public override string ExposureDescription => $"in-process only ({EndPoint})";

    /// <summary>Queues a new connection's server side for <see cref="AcceptAsync"/>.</summary>
    /// <param name="connection">The server side.</param>
    /// <returns>False when the listener is closed.</returns>
    public bool Offer(TransportConnection connection) => _pending.Writer.TryWrite(connection);

    /// <inheritdoc />
    public override async ValueTask<TransportConnection?> AcceptAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await _pending.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public override ValueTask DisposeAsync()
    {
        _network.Remove(this);
        _pending.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }
}
