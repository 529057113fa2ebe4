using RemoteIo.Actors.Kernel.Dispatch;
using RemoteIo.Actors.Kernel.Event;

namespace RemoteIo.Actors.Kernel;

/// <summary>
/// The parent of the root guardian (Akka's "bubble walker"): a failure of the root stops it, and
/// the root's termination completes the actor system's termination.
/// </summary>
/// <param name="system">The actor system.</param>
/// <param name="path">A path for diagnostics.</param>
internal sealed class RootSupervisorRef(ActorSystem system, ActorPath path) : MinimalActorRef(system, path)
{
    /// <inheritdoc />
    public override void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Failed failed:
                Owner.Log.Error(failed.Cause, "The root guardian failed; terminating {0}: {1}", Owner.Name, failed.Cause.Message);
                ((IInternalActorRef)failed.Child).SendSystemMessage(new Terminate());
                break;
            case DeathWatchNotification:
                Owner.OnRootTerminated();
                break;
        }
    }
}
