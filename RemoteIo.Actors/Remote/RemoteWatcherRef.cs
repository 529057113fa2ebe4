using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Kernel.Dispatch;

namespace RemoteIo.Actors.Remote;

/// <summary>
/// Stands in for a peer's watchers on this system: local actors the peer watches have it in their
/// watcher list, and the death notification they send it goes back over the association as
/// WatchTerminated. One per association.
/// </summary>
/// <param name="endpoint">The association's endpoint.</param>
/// <param name="path">A path on the peer that names the proxy (for logs and watcher sets).</param>
internal sealed class RemoteWatcherRef(RemoteEndpoint endpoint, ActorPath path) : ActorRefBase
{
    /// <inheritdoc />
    public override ActorPath Path => path;

    /// <summary>Not a local actor.</summary>
    public override bool IsLocal => false;

    /// <inheritdoc />
    public override ActorSystem? System => endpoint.Remoting.System;

    /// <summary>Messages to it have nowhere to go: they become dead letters.</summary>
    /// <param name="message">The message.</param>
    /// <param name="sender">The sender.</param>
    public override void Tell(object message, IActorRef? sender) =>
        endpoint.Remoting.System.DeadLetters.Tell(message, sender);

    /// <summary>A watched local actor stopped: tell the peer.</summary>
    /// <param name="message">The system message.</param>
    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is DeathWatchNotification notification)
        {
            endpoint.OnLocalWatcheeTerminated(notification.Actor, notification.ExistenceConfirmed);
        }
    }
}
