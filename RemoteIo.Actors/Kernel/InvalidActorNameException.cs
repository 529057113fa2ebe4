namespace RemoteIo.Actors.Kernel;

/// <summary>Thrown by <c>ActorOf</c> for a name that is empty, has invalid characters, starts with <c>$</c>, or is already taken by a sibling.</summary>
/// <param name="message">What went wrong, naming the actor or path concerned.</param>
/// <param name="innerException">The underlying cause, if any.</param>
public class InvalidActorNameException(string message, Exception? innerException = null) : Exception(message, innerException);
