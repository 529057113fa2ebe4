namespace RemoteIo.Actors.Kernel;

/// <summary>Thrown by <see cref="ActorSelection.ResolveOne"/> when no actor matches the selection.</summary>
/// <param name="message">What went wrong, naming the actor or path concerned.</param>
/// <param name="innerException">The underlying cause, if any.</param>
public class ActorNotFoundException(string message, Exception? innerException = null) : Exception(message, innerException);
