using RemoteIo.Actors.Kernel.Dispatch;

namespace RemoteIo.Actors.Kernel;

/// <summary>Well-known references: <see cref="NoSender"/> and <see cref="Nobody"/>.</summary>
public static class ActorRefs
{
    /// <summary>"No sender" for <see cref="ICanTell.Tell"/>: the recipient's <c>Sender</c> is the dead letters.</summary>
    public static IActorRef? NoSender => null;

    /// <summary>A reference to no actor: messages to it are dropped, watching it yields an immediate <see cref="Terminated"/>.</summary>
    public static IActorRef Nobody { get; } = new NobodyRef();

    /// <summary>The <see cref="Nobody"/> reference (Akka's path <c>all-systems/Nobody</c>); it swallows every message.</summary>
    private sealed class NobodyRef() : MinimalActorRef(null, ActorPath.RootOf(Address.Local("all-systems")) / "Nobody")
    {
        /// <inheritdoc />
        public override void SendSystemMessage(SystemMessage message)
        {
            if (message is Watch watch)
            {
                watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, ExistenceConfirmed: false, AddressTerminated: false));
            }
        }
    }
}
