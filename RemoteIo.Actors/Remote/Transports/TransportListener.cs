using System.Net;

namespace RemoteIo.Actors.Remote.Transports;

/// <summary>A bound endpoint that accepts connections until disposed.</summary>
public abstract class TransportListener : IAsyncDisposable
{
    /// <summary>Only this assembly's transports create listeners.</summary>
    private protected TransportListener()
    {
    }

    /// <summary>The endpoint actually bound (with the port the system chose when 0 was asked for).</summary>
    public abstract EndPoint LocalEndPoint { get; }

    /// <summary>Who can reach this listener; decides whether authentication may be off.</summary>
    public abstract ListenerExposure Exposure { get; }

    /// <summary>
    /// A phrase for the log line that states the authentication decision, e.g.
    /// <c>bound to 0.0.0.0:8509</c>, <c>loopback only (127.0.0.1:8509)</c> or
    /// <c>unix socket /run/remoteio.sock, mode 0660: other users cannot connect</c>.
    /// </summary>
    public abstract string ExposureDescription { get; }

    /// <summary>Waits for the next connection.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The accepted connection, or null once the listener is disposed.</returns>
    public abstract ValueTask<TransportConnection?> AcceptAsync(CancellationToken cancellationToken = default);

    /// <summary>Stops listening (a Unix socket's file is removed); connections already accepted stay open.</summary>
    /// <returns>A task that completes when the endpoint is unbound.</returns>
    public abstract ValueTask DisposeAsync();
}
