namespace RemoteIo.Actors.Remote;

/// <summary>
/// Who is at the other end of an association. A host keys per-client state (sessions) on it: the
/// same client id with the same incarnation is the same client, even across a resumed connection;
/// a new incarnation is a restarted client.
/// </summary>
/// <param name="Uid">Unique per association within this process (a new association after a restart or a lost grace period gets a new one).</param>
/// <param name="Direction">Whether the peer connected to us or we to it.</param>
/// <param name="LocalAddress">This actor system's address as announced in the handshake.</param>
/// <param name="RemoteAddress">The peer actor system's address as it announced it.</param>
/// <param name="RemoteIncarnation">The peer actor system's incarnation (random per start).</param>
/// <param name="ClientId">The client side's id (the peer's for inbound, ours for outbound).</param>
/// <param name="ClientIncarnation">The client side's incarnation.</param>
/// <param name="ProtocolVersion">The link protocol version in force.</param>
/// <param name="RemoteEndPoint">The transport endpoint the association was first established over, for logs.</param>
/// <param name="EstablishedAt">When the handshake completed, on the actor system's clock.</param>
public sealed record AssociationInfo(
    long Uid,
    AssociationDirection Direction,
    string LocalAddress,
    string RemoteAddress,
    ulong RemoteIncarnation,
    string ClientId,
    ulong ClientIncarnation,
    uint ProtocolVersion,
    string RemoteEndPoint,
    DateTimeOffset EstablishedAt)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{(Direction == AssociationDirection.Inbound ? "client" : "server")} {RemoteAddress} (client id '{ClientId}', incarnation {ClientIncarnation:x16}, via {RemoteEndPoint})";
}
