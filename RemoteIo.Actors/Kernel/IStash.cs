namespace RemoteIo.Actors.Kernel;

/// <summary>
/// Messages an actor put aside. Unstashed messages go back to the front of the mailbox, ahead of
/// everything that arrived meanwhile, in their original order and with their original senders.
/// On restart the stash is returned to the mailbox first; on stop it goes to the dead letters.
/// </summary>
public interface IStash
{
    /// <summary>How many messages are stashed.</summary>
    int Count { get; }

    /// <summary>Puts the message being processed aside (once per message).</summary>
    /// <exception cref="IllegalActorStateException">Called twice for the same message, or outside message processing.</exception>
    void Stash();

    /// <summary>Returns the oldest stashed message to the front of the mailbox.</summary>
    void Unstash();

    /// <summary>Returns all stashed messages to the front of the mailbox, oldest first.</summary>
    void UnstashAll();

    /// <summary>Returns the stashed messages that satisfy <paramref name="predicate"/>, oldest first; the others stay stashed.</summary>
    /// <param name="predicate">Selects the messages to return.</param>
    void UnstashAll(Func<Envelope, bool> predicate);

    /// <summary>Drops every stashed message.</summary>
    /// <returns>The dropped messages, oldest first.</returns>
    IReadOnlyList<Envelope> ClearStash();
}
