namespace RemoteIo.Actors.Kernel;

/// <summary>
/// An actor could not be created or restarted: its constructor (the <see cref="Props"/> factory)
/// or <c>PreStart</c>/<c>PostRestart</c> threw. The default supervisor decider stops the actor.
/// </summary>
/// <param name="actor">The actor that failed to start, when known.</param>
/// <param name="message">What went wrong.</param>
/// <param name="innerException">The exception the actor's code threw.</param>
public class ActorInitializationException(IActorRef? actor, string message, Exception? innerException = null)
    : Exception(actor is null ? message : $"{actor.Path}: {message}", innerException)
{
    /// <summary>The actor that failed to start, when known.</summary>
    public IActorRef? Actor { get; } = actor;
}
