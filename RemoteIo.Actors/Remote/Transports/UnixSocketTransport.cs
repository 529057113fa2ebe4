using System.Net;
using System.Net.Sockets;

namespace RemoteIo.Actors.Remote.Transports;

/// <summary>Unix domain sockets: a socket file with a settable mode, stale files cleaned up on bind.</summary>
/// <param name="options">Buffer limits and the socket file's mode.</param>
internal sealed class UnixSocketTransport(TransportOptions options) : RemoteTransport
{
    /// <summary>Receive threads of this transport's connections (both listened and connected).</summary>
    private readonly ReceiveThreadBudget _receiveThreads = new(options.ReceiveThreads);

    /// <inheritdoc />
    public override string Scheme => "unix";

    /// <inheritdoc />
    public override bool CanHandle(EndPoint endPoint) => endPoint is UnixDomainSocketEndPoint;

    /// <inheritdoc />
    public override async ValueTask<TransportListener> ListenAsync(EndPoint endPoint, CancellationToken cancellationToken = default)
    {
        ThrowIfNotHandled(endPoint);
        var path = endPoint.ToString()!;
        if (File.Exists(path) || Directory.Exists(path))
        {
            await RemoveStaleSocketFileAsync(path, cancellationToken).ConfigureAwait(false);
        }

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(endPoint);
            if (!OperatingSystem.IsWindows())
            {
                // Set before Listen: no connection can be accepted while the mode is still the umask's.
                File.SetUnixFileMode(path, options.UnixSocketFileMode);
            }

            socket.Listen(512);
        }
        catch (Exception ex) when (ex is SocketException or IOException or UnauthorizedAccessException)
        {
            socket.Dispose();
            throw new TransportException($"cannot listen on unix socket {path}: {ex.Message}", ex);
        }

        return new UnixSocketTransportListener(socket, path, options, _receiveThreads);
    }

    /// <inheritdoc />
    public override async ValueTask<TransportConnection> ConnectAsync(EndPoint endPoint, CancellationToken cancellationToken = default)
    {
        ThrowIfNotHandled(endPoint);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        var receiveThread = _receiveThreads.TryTake();
        try
        {
            await SocketConnection.ConnectAsync(socket, endPoint, blocking: receiveThread is not null, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            receiveThread?.Return();
            throw new TransportException($"cannot connect to unix socket {endPoint}: {ex.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused (nothing listens there)",
                SocketError.AddressNotAvailable => "no such socket file",
                SocketError.AccessDenied => "permission denied (the socket file's mode keeps this user out)",
                _ => ex.Message,
            }}", ex);
        }
        catch
        {
            socket.Dispose();
            receiveThread?.Return();
            throw;
        }

        var connection = new SocketConnection(socket, options, $"unix {endPoint}", receiveThread);
        connection.Start();
        return connection;
    }

    /// <summary>
    /// Removes a socket file nobody listens on any more (a crashed server's). A live socket, a
    /// directory or a non-empty file is left alone and the bind fails with a clear message.
    /// </summary>
    private static async ValueTask RemoveStaleSocketFileAsync(string path, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            throw new TransportException($"cannot listen on unix socket {path}: a directory of that name exists");
        }

        using (var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            try
            {
                await probe.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken).ConfigureAwait(false);
                throw new TransportException($"cannot listen on unix socket {path}: another server is listening on it");
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionRefused)
            {
                // nobody listens: a leftover (Linux also refuses a plain file, hence the size check below)
            }
            catch (SocketException ex)
            {
                throw new TransportException($"cannot listen on unix socket {path}: it exists and cannot be probed ({ex.SocketErrorCode})", ex);
            }
        }

        // .NET cannot tell a socket file from an empty regular file; a socket file has size 0, so
        // anything larger is certainly somebody's data and must not be deleted.
        if (new FileInfo(path).Length > 0)
        {
            throw new TransportException($"cannot listen on unix socket {path}: a regular file of that name exists");
        }

        File.Delete(path);
    }
}
