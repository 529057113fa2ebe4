namespace RemoteIo.Actors.Kernel.Event;

/// <summary>Published on the <see cref="EventStream"/> when an actor's behaviour did not handle a message.</summary>
/// <param name="Message">The message.</param>
/// <param name="Sender">Its sender (the dead letters reference when there was none).</param>
/// <param name="Recipient">The actor that did not handle it.</param>
public sealed record UnhandledMessage(object Message, IActorRef Sender, IActorRef Recipient);
