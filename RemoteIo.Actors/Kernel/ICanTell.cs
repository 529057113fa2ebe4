namespace RemoteIo.Actors.Kernel;

/// <summary>
/// Something a message can be told to: an actor reference or an <see cref="ActorSelection"/>.
/// </summary>
public interface ICanTell
{
    /// <summary>
    /// Sends <paramref name="message"/> asynchronously (fire and forget). Never blocks and never
    /// throws: a message that cannot be delivered goes to the dead letters.
    /// </summary>
    /// <param name="message">The message; should be immutable, since the receiver reads it on another thread.</param>
    /// <param name="sender">The reference the receiver sees as <c>Sender</c> (null: no sender, replies go to dead letters).</param>
    void Tell(object message, IActorRef? sender);
}
