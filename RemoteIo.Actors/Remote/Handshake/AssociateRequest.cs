namespace RemoteIo.Actors.Remote.Handshake;

/// <summary>A client's verified Associate.</summary>
/// <param name="ProtocolVersion">The version in force.</param>
/// <param name="ClientAddress">The client system's address.</param>
/// <param name="ClientId">The client's id.</param>
/// <param name="Incarnation">The client system's incarnation.</param>
/// <param name="ServerProof">The proof to send back; empty without authentication.</param>
internal sealed record AssociateRequest(uint ProtocolVersion, string ClientAddress, string ClientId, ulong Incarnation, byte[] ServerProof);
