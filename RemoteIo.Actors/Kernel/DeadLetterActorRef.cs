using RemoteIo.Actors.Kernel.Dispatch;
using RemoteIo.Actors.Kernel.Event;

namespace RemoteIo.Actors.Kernel;

/// <summary>
/// A reference with no actor behind it: <c>/deadLetters</c> itself, or a path that resolved to
/// nothing. Messages are published as <see cref="DeadLetter"/>s, an <see cref="Identify"/> is
/// answered with an empty identity, and a watch is answered with an immediate termination.
/// </summary>
/// <param name="system">The actor system whose event stream gets the dead letters.</param>
/// <param name="path">The path the reference stands for.</param>
internal sealed class DeadLetterActorRef(ActorSystem system, ActorPath path) : MinimalActorRef(system, path)
{
    /// <inheritdoc />
    public override void Tell(object message, IActorRef? sender)
    {
        switch (message)
        {
            case null:
                return;
            case DeadLetter deadLetter:
                Owner.EventStream.Publish(deadLetter);
                return;
            case Identify identify:
                sender?.Tell(new ActorIdentity(identify.MessageId, null), this);
                return;
            default:
                Owner.EventStream.Publish(new DeadLetter(message, sender ?? Owner.DeadLetters, this));
                return;
        }
    }

    /// <inheritdoc />
    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch && !watch.Watcher.Equals(this))
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(watch.Watchee, ExistenceConfirmed: false, AddressTerminated: false));
        }
    }
}
