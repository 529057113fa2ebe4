namespace RemoteIo.Actors.Kernel;

/// <summary>
/// The hook through which a remoting extension supplies references for paths whose address is
/// not this system's local one (<see cref="ActorSystem.RegisterRemoteActorRefProvider"/>). The
/// references it returns must derive from <see cref="ActorRefBase"/> so they take part in death
/// watch; inbound messages are delivered with <see cref="ActorSystem.DeliverLocal"/>.
/// </summary>
public interface IRemoteActorRefProvider
{
    /// <summary>
    /// Resolves a path on another address. For an address this system itself listens on, return
    /// <see cref="ActorSystem.ResolveLocalActorRef"/>'s reference.
    /// </summary>
    /// <param name="path">A path whose address is not the system's local address.</param>
    /// <returns>The reference, or null when the provider does not serve that address.</returns>
    IActorRef? ResolveActorRef(ActorPath path);
}
