using System.Net;
using System.Net.Sockets;

namespace RemoteIo.Actors.Remote.Transports;

/// <summary>A listening TCP socket.</summary>
internal sealed class TcpTransportListener : SocketTransportListener
{
    /// <summary>Wraps a bound, listening socket.</summary>
    /// <param name="socket">The socket.</param>
    /// <param name="options">Buffer limits for accepted connections.</param>
    /// <param name="receiveThreads">Receive threads of the transport's connections.</param>
    public TcpTransportListener(Socket socket, TransportOptions options, ReceiveThreadBudget receiveThreads)
        : base(socket, options, receiveThreads)
    {
        var local = (IPEndPoint)socket.LocalEndPoint!;
        LocalEndPoint = local;
        Exposure = IPAddress.IsLoopback(local.Address) ? ListenerExposure.Loopback : ListenerExposure.Network;
        ExposureDescription = Exposure == ListenerExposure.Loopback
            ? $"loopback only (tcp {local})"
            : $"bound to {local} (reachable from the network)";
    }

    /// <inheritdoc />
    public override EndPoint LocalEndPoint { get; }

    /// <inheritdoc />
    public override ListenerExposure Exposure { get; }

    /// <inheritdoc />
    public override string ExposureDescription { get; }

    /// <inheritdoc />
    protected override Socket Prepare(Socket accepted)
    {
        accepted.NoDelay = true;
        return accepted;
    }

    /// <inheritdoc />
    protected override string Describe(Socket accepted) => $"tcp {accepted.RemoteEndPoint} -> {accepted.LocalEndPoint}";
}
