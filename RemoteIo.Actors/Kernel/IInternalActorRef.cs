using RemoteIo.Actors.Kernel.Dispatch;

namespace RemoteIo.Actors.Kernel;

/// <summary>
/// The kernel's view of an actor reference: besides user messages it takes system messages
/// (<see cref="Watch"/>, <see cref="Unwatch"/>, <see cref="DeathWatchNotification"/>, ...).
/// Every reference the kernel hands out implements it; an extension such as the remote layer
/// implements it (by deriving from <see cref="ActorRefBase"/>) so its references take part in
/// death watch like local ones.
/// </summary>
public interface IInternalActorRef : IActorRef
{
    /// <summary>True when the actor lives in this process (its messages never cross a link).</summary>
    bool IsLocal { get; }

    /// <summary>The actor system this reference belongs to, or null for system-less references such as <see cref="ActorRefs.Nobody"/>.</summary>
    ActorSystem? System { get; }

    /// <summary>
    /// Hands a system message to the referenced actor. System messages overtake user messages and
    /// are processed even while the actor is suspended. Never throws.
    /// </summary>
    /// <param name="message">The system message.</param>
    void SendSystemMessage(SystemMessage message);
}
