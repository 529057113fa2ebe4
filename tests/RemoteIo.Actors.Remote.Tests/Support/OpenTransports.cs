using RemoteIo.Actors.Remote.Transports;

namespace RemoteIo.Actors.Remote.Tests.Support;

/// <summary>Listeners and connections a test opened; disposing aborts the connections, then disposes the listeners.</summary>
internal sealed class OpenTransports : IAsyncDisposable
{
    /// <summary>Listeners opened by the test.</summary>
    private readonly List<TransportListener> _listeners = [];

    /// <summary>Connections opened by the test.</summary>
    private readonly List<TransportConnection> _connections = [];

    /// <summary>Listeners registered so far.</summary>
    public int ListenerCount => _listeners.Count;

    /// <summary>Registers a listener for clean-up.</summary>
    /// <param name="listener">The listener.</param>
    /// <returns>The same listener.</returns>
    public TransportListener Add(TransportListener listener)
    {
        _listeners.Add(listener);
        return listener;
    }

    /// <summary>Registers a connection for clean-up.</summary>
    /// <param name="connection">The connection.</param>
    /// <returns>The same connection.</returns>
    public TransportConnection Add(TransportConnection connection)
    {
        _connections.Add(connection);
        return connection;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            connection.Abort();
        }

        foreach (var listener in _listeners)
        {
            await listener.DisposeAsync();
        }
    }
}
