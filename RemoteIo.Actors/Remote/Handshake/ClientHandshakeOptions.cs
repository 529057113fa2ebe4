namespace RemoteIo.Actors.Remote.Handshake;

/// <summary>What the connecting side announces and proves.</summary>
/// <param name="ClientAddress">This actor system's address.</param>
/// <param name="ClientId">This node's client id.</param>
/// <param name="Incarnation">This actor system's incarnation.</param>
/// <param name="Secret">The shared secret, or null.</param>
/// <param name="Versions">The protocol versions spoken.</param>
internal sealed record ClientHandshakeOptions(string ClientAddress, string ClientId, ulong Incarnation, SharedSecret? Secret, ProtocolVersionRange Versions);
