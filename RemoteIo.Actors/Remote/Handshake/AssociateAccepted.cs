namespace RemoteIo.Actors.Remote.Handshake;

/// <summary>What a server accepted, from the client's point of view.</summary>
/// <param name="ServerAddress">The server system's address (Hello.server_address).</param>
/// <param name="ServerIncarnation">The server system's incarnation.</param>
/// <param name="ProtocolVersion">The version in force.</param>
/// <param name="Resumed">Whether an existing association was resumed.</param>
/// <param name="ServerHeartbeatInterval">How often the server sends heartbeats.</param>
/// <param name="ServerAcceptablePause">The server's tolerance beyond one interval.</param>
internal sealed record AssociateAccepted(
    string ServerAddress,
    ulong ServerIncarnation,
    uint ProtocolVersion,
    bool Resumed,
    TimeSpan ServerHeartbeatInterval,
    TimeSpan ServerAcceptablePause);
