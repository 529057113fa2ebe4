namespace RemoteIo.Actors.Kernel;

/// <summary>Akka's implicit-sender conveniences.</summary>
public static class ActorRefExtensions
{
    /// <summary>
    /// Tells <paramref name="message"/> with the current actor as sender when called inside an
    /// actor (on its thread), and with no sender elsewhere.
    /// </summary>
    /// <param name="receiver">The recipient.</param>
    /// <param name="message">The message.</param>
    public static void Tell(this ICanTell receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        receiver.Tell(message, ActorCell.Current?.Self);
    }

    /// <summary>
    /// Passes <paramref name="message"/> on keeping the original sender: inside an actor, the
    /// sender of the message being processed.
    /// </summary>
    /// <param name="receiver">The recipient.</param>
    /// <param name="message">The message.</param>
    /// <exception cref="InvalidOperationException">Called outside an actor.</exception>
    public static void Forward(this ICanTell receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        var cell = ActorCell.Current ?? throw new InvalidOperationException("Forward can only be used inside an actor; use Tell(message, sender) elsewhere.");
        receiver.Tell(message, cell.Sender);
    }
}
