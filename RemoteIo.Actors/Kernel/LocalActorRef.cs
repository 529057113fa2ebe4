using RemoteIo.Actors.Kernel.Dispatch;

namespace RemoteIo.Actors.Kernel;

/// <summary>The reference to an actor of this process: a Tell is one enqueue on its mailbox (lock-free, allocation-free).</summary>
/// <param name="cell">The actor.</param>
/// <param name="path">Its path with uid.</param>
internal sealed class LocalActorRef(ActorCell cell, ActorPath path) : ActorRefBase
{
    /// <inheritdoc />
    public override ActorPath Path => path;

    /// <inheritdoc />
    public override ActorSystem System => cell.System;

    /// <summary>The actor behind the reference.</summary>
    internal ActorCell Cell => cell;

    /// <inheritdoc />
    public override void Tell(object message, IActorRef? sender)
    {
        if (message is null)
        {
            cell.DropNullMessage(sender);
            return;
        }

        cell.Mailbox.Post(new Envelope(message, sender));
    }

    /// <inheritdoc />
    public override void SendSystemMessage(SystemMessage message) => cell.Mailbox.SystemEnqueue(message);
}
