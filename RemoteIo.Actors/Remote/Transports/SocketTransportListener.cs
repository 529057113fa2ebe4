using System.Net.Sockets;

namespace RemoteIo.Actors.Remote.Transports;

/// <summary>What the TCP and Unix socket listeners share: accepting sockets and wrapping them.</summary>
internal abstract class SocketTransportListener : TransportListener
{
    /// <summary>The listening socket.</summary>
    private readonly Socket _socket;

    /// <summary>Buffer limits for accepted connections.</summary>
    private readonly TransportOptions _options;

    /// <summary>Receive threads of the transport's connections.</summary>
    private readonly ReceiveThreadBudget _receiveThreads;

    /// <summary>Wraps a bound, listening socket.</summary>
    /// <param name="socket">The socket.</param>
    /// <param name="options">Buffer limits for accepted connections.</param>
    /// <param name="receiveThreads">Receive threads of the transport's connections.</param>
    protected SocketTransportListener(Socket socket, TransportOptions options, ReceiveThreadBudget receiveThreads)
    {
        _socket = socket;
        _options = options;
        _receiveThreads = receiveThreads;
    }

    /// <inheritdoc />
    public sealed override async ValueTask<TransportConnection?> AcceptAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Socket accepted;
            try
            {
                accepted = await _socket.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                return null;
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.OperationAborted)
            {
                return null; // disposed while waiting
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
            {
                continue; // the client gave up before we accepted
            }

            // An accepted socket is still in blocking mode, as a connection with its own receive thread needs.
            var connection = new SocketConnection(Prepare(accepted), _options, Describe(accepted), _receiveThreads.TryTake());
            connection.Start();
            return connection;
        }
    }

    /// <inheritdoc />
    public override ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Sets per-connection socket options.</summary>
    /// <param name="accepted">The accepted socket.</param>
    /// <returns>The same socket.</returns>
    protected virtual Socket Prepare(Socket accepted) => accepted;

    /// <summary>What logs call an accepted connection.</summary>
    /// <param name="accepted">The accepted socket.</param>
    /// <returns>A short description.</returns>
    protected abstract string Describe(Socket accepted);
}
