namespace RemoteIo.Actors.Kernel.Event;

/// <summary>
/// Published on the <see cref="EventStream"/> for a message that could not be delivered: its
/// recipient had stopped (including what was left in its mailbox and stash), never existed, or the
/// message was sent to <see cref="ActorSystem.DeadLetters"/>.
/// </summary>
/// <param name="Message">The undelivered message.</param>
/// <param name="Sender">Its sender (the dead letters reference when there was none).</param>
/// <param name="Recipient">Where it was sent.</param>
public sealed record DeadLetter(object Message, IActorRef Sender, IActorRef Recipient);
