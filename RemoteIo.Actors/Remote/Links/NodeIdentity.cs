namespace RemoteIo.Actors.Remote.Links;

/// <summary>Who this node is on the wire.</summary>
/// <param name="Address">The actor system's address, e.g. <c>remoteio://host@pi.local:8509</c>.</param>
/// <param name="Incarnation">Random, non-zero, fixed for the system's lifetime.</param>
/// <param name="ClientId">The id sent when this node connects to a server.</param>
internal sealed record NodeIdentity(string Address, ulong Incarnation, string ClientId);
