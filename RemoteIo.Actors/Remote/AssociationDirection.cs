namespace RemoteIo.Actors.Remote;

/// <summary>Which side opened an association.</summary>
public enum AssociationDirection
{
    /// <summary>The peer connected to one of this node's listeners (this node is the server).</summary>
    Inbound,

    /// <summary>This node connected to the peer (this node is the client).</summary>
    Outbound,
}
