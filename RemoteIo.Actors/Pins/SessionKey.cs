using RemoteIo.Actors.Kernel;

namespace RemoteIo.Actors.Pins;

/// <summary>
/// What a session belongs to: the link a request came over. For a remote sender that is its
/// actor system's address (one session per connected client, whichever of its actors sends); for
/// a sender in the host's own process it is the sender reference itself. Two requests with equal
/// keys belong to the same session. <see cref="ISessionKeyResolver"/> decides the key of a sender.
/// </summary>
public abstract record SessionKey
{
    /// <summary>Only the nested kinds exist.</summary>
    private protected SessionKey()
    {
    }

    /// <summary>The key of a remote client: its actor system's address (host, port and system name).</summary>
    /// <param name="address">The client system's address.</param>
    /// <returns>The key.</returns>
    public static SessionKey ForAddress(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new AddressKey(address);
    }

    /// <summary>The key of a local sender: the reference itself (a local client must use one actor for its whole session).</summary>
    /// <param name="actor">The sender.</param>
    /// <returns>The key.</returns>
    public static SessionKey ForActor(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new ActorKey(actor);
    }

    /// <summary>
    /// The key of a client known by its id and incarnation (the remote handshake's identity), for a
    /// resolver that keys sessions on the association rather than the address.
    /// </summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="incarnation">The client's incarnation: a restarted client is a new session.</param>
    /// <returns>The key.</returns>
    public static SessionKey ForClient(string clientId, ulong incarnation)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        return new ClientKey(clientId, incarnation);
    }

    /// <summary>A remote system's address.</summary>
    /// <param name="Address">The address.</param>
    private sealed record AddressKey(Address Address) : SessionKey
    {
        /// <inheritdoc />
        public override string ToString() => Address.ToString();
    }

    /// <summary>A local sender.</summary>
    /// <param name="Actor">The sender.</param>
    private sealed record ActorKey(IActorRef Actor) : SessionKey
    {
        /// <inheritdoc />
        public override string ToString() => Actor.Path.ToString();
    }

    /// <summary>A client id and incarnation.</summary>
    /// <param name="ClientId">The id.</param>
    /// <param name="Incarnation">The incarnation.</param>
    private sealed record ClientKey(string ClientId, ulong Incarnation) : SessionKey
    {
        /// <inheritdoc />
        public override string ToString() => $"{ClientId}#{Incarnation:x16}";
    }
}
