using RemoteIo.Actors.Kernel.Dispatch;

namespace RemoteIo.Actors.Kernel;

/// <summary>A reference with no mailbox behind it (dead letters, the root's supervisor, Nobody): a fixed path, nothing delivered by default.</summary>
/// <param name="system">The actor system, or null for system-less references.</param>
/// <param name="path">The path the reference stands for.</param>
internal abstract class MinimalActorRef(ActorSystem? system, ActorPath path) : ActorRefBase
{
    /// <inheritdoc />
    public override ActorPath Path => path;

    /// <inheritdoc />
    public override ActorSystem? System => system;

    /// <summary>The actor system, for subclasses that always have one.</summary>
    protected ActorSystem Owner => system ?? throw new InvalidOperationException($"{path} belongs to no actor system.");

    /// <inheritdoc />
    public override void Tell(object message, IActorRef? sender)
    {
    }

    /// <inheritdoc />
    public override void SendSystemMessage(SystemMessage message)
    {
    }
}
