using System.Net;

namespace RemoteIo.Actors.Remote.Transports;

/// <summary>Connections between listeners of one <see cref="InMemoryNetwork"/>.</summary>
/// <param name="network">The network.</param>
internal sealed class InMemoryTransport(InMemoryNetwork network) : RemoteTransport
{
    /// <summary>Numbers client endpoints for descriptions.</summary>
    private static long s_clients;

    /// <inheritdoc />
    public override string Scheme => "inmem";

    /// <inheritdoc />
    public override bool CanHandle(EndPoint endPoint) => endPoint is InMemoryEndPoint;

    /// <inheritdoc />
    public override ValueTask<TransportListener> ListenAsync(EndPoint endPoint, CancellationToken cancellationToken = default)
    {
        ThrowIfNotHandled(endPoint);
        var listener = new InMemoryTransportListener(network, (InMemoryEndPoint)endPoint);
        return network.TryAdd(listener)
            ? ValueTask.FromResult<TransportListener>(listener)
            : throw new TransportException($"cannot listen on {endPoint}: the name is in use");
    }

    /// <inheritdoc />
    public override ValueTask<TransportConnection> ConnectAsync(EndPoint endPoint, CancellationToken cancellationToken = default)
    {
        ThrowIfNotHandled(endPoint);
        cancellationToken.ThrowIfCancellationRequested();
        if (!network.TryGet(((InMemoryEndPoint)endPoint).Name, out var listener))
        {
            throw new TransportException($"cannot connect to {endPoint}: connection refused (nothing listens there)");
        }

        var client = new InMemoryEndPoint($"client-{Interlocked.Increment(ref s_clients)}");
        var link = new InMemoryLink(network, client, listener.EndPoint);
        network.Opened(link);
        return listener.Offer(link.ServerSide)
            ? ValueTask.FromResult<TransportConnection>(link.ClientSide)
            : throw new TransportException($"cannot connect to {endPoint}: connection refused (the listener closed)");
    }
}
