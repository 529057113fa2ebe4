using System.Net;
using RemoteIo.Actors.Remote.Transports;

namespace RemoteIo.Actors.Remote.Links;

/// <summary>A server this node connected to, with its current association and reconnect state.</summary>
/// <param name="transport">How to reach it.</param>
/// <param name="endPoint">Where it listens.</param>
internal sealed class OutboundTarget(RemoteTransport transport, EndPoint endPoint)
{
    /// <summary>How to reach it.</summary>
    public RemoteTransport Transport { get; } = transport;

    /// <summary>Where it listens.</summary>
    public EndPoint EndPoint { get; } = endPoint;

    /// <summary>The association now (possibly dormant or terminated), guarded by the node's lock.</summary>
    public Association? Current { get; set; }

    /// <summary>True while a reconnect loop runs, guarded by the node's lock.</summary>
    public bool Reconnecting { get; set; }
}
