namespace RemoteIo.Actors.Kernel;

/// <summary>Thrown inside an actor that received <see cref="Kill"/>; the default supervisor decider stops the actor.</summary>
/// <param name="message">What went wrong, naming the actor or path concerned.</param>
/// <param name="innerException">The underlying cause, if any.</param>
public class ActorKilledException(string message, Exception? innerException = null) : Exception(message, innerException);
