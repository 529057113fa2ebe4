using System.Net;
using System.Net.Sockets;

namespace RemoteIo.Actors.Remote.Transports;

/// <summary>TCP: IPv4/IPv6 endpoints (and host names, resolved on connect or bind), TCP_NODELAY on.</summary>
/// <param name="options">Buffer limits.</param>
internal sealed class TcpTransport(TransportOptions options) : RemoteTransport
{
    /// <summary>Receive threads of this transport's connections (both listened and connected).</summary>
    private readonly ReceiveThreadBudget _receiveThreads = new(options.ReceiveThreads);

    /// <inheritdoc />
    public override string Scheme => "tcp";

    /// <inheritdoc />
    public override bool CanHandle(EndPoint endPoint) => endPoint is IPEndPoint or DnsEndPoint;

    /// <inheritdoc />
    public override async ValueTask<TransportListener> ListenAsync(EndPoint endPoint, CancellationToken cancellationToken = default)
    {
        ThrowIfNotHandled(endPoint);
        var bindTo = await ResolveAsync(endPoint, cancellationToken).ConfigureAwait(false);
        var socket = new Socket(bindTo.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (bindTo.Address.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true; // [::] also accepts IPv4, as people expect from "all interfaces"
            }

            socket.Bind(bindTo);
            socket.Listen(512);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new TransportException($"cannot listen on tcp {bindTo}: {ex.SocketErrorCode switch
            {
                SocketError.AddressAlreadyInUse => "the port is in use",
                SocketError.AccessDenied => "permission denied",
                SocketError.AddressNotAvailable => "no such local address",
                _ => ex.Message,
            }}", ex);
        }

        return new TcpTransportListener(socket, options, _receiveThreads);
    }

    /// <inheritdoc />
    public override async ValueTask<TransportConnection> ConnectAsync(EndPoint endPoint, CancellationToken cancellationToken = default)
    {
        ThrowIfNotHandled(endPoint);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var receiveThread = _receiveThreads.TryTake();
        try
        {
            await SocketConnection.ConnectAsync(socket, endPoint, blocking: receiveThread is not null, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            receiveThread?.Return();
            throw new TransportException($"cannot connect to tcp {endPoint}: {(ex.SocketErrorCode == SocketError.ConnectionRefused ? "connection refused (nothing listens there)" : ex.Message)}", ex);
        }
        catch
        {
            socket.Dispose();
            receiveThread?.Return();
            throw;
        }

        var connection = new SocketConnection(socket, options, $"tcp {socket.LocalEndPoint} -> {socket.RemoteEndPoint}", receiveThread);
        connection.Start();
        return connection;
    }

    /// <summary>Turns a host name into the address to bind (the first the resolver returns).</summary>
    private static async ValueTask<IPEndPoint> ResolveAsync(EndPoint endPoint, CancellationToken cancellationToken)
    {
        if (endPoint is IPEndPoint ip)
        {
            return ip;
        }

        var dns = (DnsEndPoint)endPoint;
        try
        {
            var addresses = await Dns.GetHostAddressesAsync(dns.Host, cancellationToken).ConfigureAwait(false);
            return addresses.Length > 0
                ? new IPEndPoint(addresses[0], dns.Port)
                : throw new TransportException($"cannot listen on tcp {dns.Host}:{dns.Port}: the name has no address");
        }
        catch (SocketException ex)
        {
            throw new TransportException($"cannot listen on tcp {dns.Host}:{dns.Port}: {ex.Message}", ex);
        }
    }
}
