namespace RemoteIo.Actors.Remote.Handshake;

/// <summary>What the accepting side announces and checks.</summary>
/// <param name="ServerAddress">This actor system's address (Hello.server_address).</param>
/// <param name="ServerIncarnation">This actor system's incarnation.</param>
/// <param name="Secret">The shared secret; null when authentication is off on this listener.</param>
/// <param name="Versions">The protocol versions spoken.</param>
internal sealed record ServerHandshakeOptions(string ServerAddress, ulong ServerIncarnation, SharedSecret? Secret, ProtocolVersionRange Versions);
