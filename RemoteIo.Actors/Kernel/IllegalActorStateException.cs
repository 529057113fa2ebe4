namespace RemoteIo.Actors.Kernel;

/// <summary>Thrown when an actor API is used in a state where it makes no sense (stashing the same message twice, stashing outside a message, ...).</summary>
/// <param name="message">What went wrong, naming the actor or path concerned.</param>
/// <param name="innerException">The underlying cause, if any.</param>
public class IllegalActorStateException(string message, Exception? innerException = null) : Exception(message, innerException);
