namespace RemoteIo.Actors.Kernel;

/// <summary>The answer to <see cref="Identify"/>.</summary>
/// <param name="MessageId">The correlation value of the <see cref="Identify"/>.</param>
/// <param name="Subject">The actor, or null when no actor was found.</param>
public sealed record ActorIdentity(object? MessageId, IActorRef? Subject);
