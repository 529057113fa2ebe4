namespace RemoteIo.ClientNode;

/// <summary>Where a <see cref="RemoteServer"/>'s link to its host stands.</summary>
public enum ConnectionState
{
    /// <summary>Associated and the session is open.</summary>
    Connected = 0,

    /// <summary>
    /// The link was lost and the client is reconnecting within the host's resume grace period:
    /// nothing is lost yet, commands queue until the link is back.
    /// </summary>
    Reconnecting = 1,

    /// <summary>The link is gone for good; the host soft-closes the session's pins. Requests fail with <see cref="ConnectionLostException"/>.</summary>
    Lost = 2,

    /// <summary>The session was closed (<see cref="RemoteServer.CloseAsync"/>).</summary>
    Closed = 3,
}
