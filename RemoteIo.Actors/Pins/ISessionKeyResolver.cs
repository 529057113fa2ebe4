using RemoteIo.Actors.Kernel;

namespace RemoteIo.Actors.Pins;

/// <summary>
/// Decides which session a request belongs to from its sender. The default
/// (<see cref="SessionKeyResolver.Default"/>) keys remote senders by their system's address and
/// local senders by their reference; a host with remoting may key on the association instead
/// (client id and incarnation, e.g. from <c>Remoting.AssociationOf(sender)</c>).
/// </summary>
public interface ISessionKeyResolver
{
    /// <summary>The session key of a request's sender.</summary>
    /// <param name="sender">The sender (never null, never the dead letters).</param>
    /// <returns>The key.</returns>
    SessionKey Resolve(IActorRef sender);
}
