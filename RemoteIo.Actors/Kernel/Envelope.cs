namespace RemoteIo.Actors.Kernel;

/// <summary>A user message with its sender, as it sits in a mailbox or a stash.</summary>
/// <param name="Message">The message.</param>
/// <param name="Sender">The sender, or null when there was none.</param>
public readonly record struct Envelope(object Message, IActorRef? Sender);
