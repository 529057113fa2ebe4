using System.Net;
using System.Net.Sockets;

namespace RemoteIo.Actors.Remote.Transports;

/// <summary>
/// A way to carry bytes between two RemoteIo nodes: it listens for and opens byte-stream
/// connections; the link layer above it frames, authenticates and heartbeats them. Create one
/// with <see cref="Tcp"/>, <see cref="UnixSocket"/> or <see cref="InMemory"/>.
/// </summary>
/// <remarks>
/// Every implementation honours the same contract (the transport contract test suite runs against
/// each): bytes flushed on one side's <see cref="TransportConnection.Output"/> arrive in order on
/// the other side's <see cref="TransportConnection.Input"/>; completing the output ends the peer's
/// input after the data; <see cref="TransportConnection.Abort"/> resets the connection and the
/// peer's input fails with a <see cref="TransportException"/>.
/// </remarks>
public abstract class RemoteTransport
{
    /// <summary>The default TCP port of a RemoteIo host (the same as the Python remoteio server's).</summary>
    public const int DefaultTcpPort = 8509;

    /// <summary>Only the factories below create transports.</summary>
    private protected RemoteTransport()
    {
    }

    /// <summary>Short name of the transport for logs: <c>tcp</c>, <c>unix</c> or <c>inmem</c>.</summary>
    public abstract string Scheme { get; }

    /// <summary>
    /// The TCP transport: <see cref="IPEndPoint"/> and <see cref="DnsEndPoint"/> endpoints,
    /// <c>TCP_NODELAY</c> on every connection (frames are small and latency matters).
    /// </summary>
    /// <param name="options">Buffer limits; defaults when null.</param>
    /// <returns>The transport.</returns>
    public static RemoteTransport Tcp(TransportOptions? options = null) => new TcpTransport(options ?? TransportOptions.Default);

    /// <summary>
    /// The Unix domain socket transport: <see cref="UnixDomainSocketEndPoint"/> endpoints. A
    /// listener gives its socket file the mode in <see cref="TransportOptions.UnixSocketFileMode"/>
    /// and removes a stale socket file left by a crashed process (never a live one, never a
    /// non-empty file).
    /// </summary>
    /// <param name="options">Buffer limits and the socket file's mode; defaults when null.</param>
    /// <returns>The transport.</returns>
    public static RemoteTransport UnixSocket(TransportOptions? options = null) => new UnixSocketTransport(options ?? TransportOptions.Default);

    /// <summary>
    /// An in-process transport for tests: <see cref="InMemoryEndPoint"/> endpoints on
    /// <paramref name="network"/>, whose links can drop, delay and cut frames on demand.
    /// </summary>
    /// <param name="network">The network the endpoints live on.</param>
    /// <returns>The transport.</returns>
    public static RemoteTransport InMemory(InMemoryNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new InMemoryTransport(network);
    }

    /// <summary>Whether this transport handles <paramref name="endPoint"/>'s kind of address.</summary>
    /// <param name="endPoint">An endpoint.</param>
    /// <returns>True when <see cref="ListenAsync"/> and <see cref="ConnectAsync"/> accept it.</returns>
    public abstract bool CanHandle(EndPoint endPoint);

    /// <summary>Binds <paramref name="endPoint"/> and starts listening.</summary>
    /// <param name="endPoint">Where to listen (TCP port 0 picks a free port; see <see cref="TransportListener.LocalEndPoint"/>).</param>
    /// <param name="cancellationToken">Cancels the bind.</param>
    /// <returns>The listener.</returns>
    /// <exception cref="TransportException">The endpoint cannot be bound (in use, no permission, not this transport's kind).</exception>
    public abstract ValueTask<TransportListener> ListenAsync(EndPoint endPoint, CancellationToken cancellationToken = default);

    /// <summary>Opens a connection to a listener.</summary>
    /// <param name="endPoint">The listener's endpoint.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>The open connection.</returns>
    /// <exception cref="TransportException">Nothing listens there, or it cannot be reached.</exception>
    public abstract ValueTask<TransportConnection> ConnectAsync(EndPoint endPoint, CancellationToken cancellationToken = default);

    /// <summary>Throws the standard error for an endpoint of the wrong kind.</summary>
    /// <param name="endPoint">The endpoint that was passed.</param>
    private protected void ThrowIfNotHandled(EndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        if (!CanHandle(endPoint))
        {
            throw new TransportException($"the {Scheme} transport cannot use the endpoint {endPoint} ({endPoint.GetType().Name})");
        }
    }
}
