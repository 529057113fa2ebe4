namespace RemoteIo.Actors.Kernel;

/// <summary>
/// Asks any actor for its reference: every actor answers with an <see cref="ActorIdentity"/>
/// carrying <paramref name="MessageId"/>, and an actor selection that matches nothing answers with
/// an empty one. This is how <see cref="ActorSelection.ResolveOne"/> works.
/// </summary>
/// <param name="MessageId">A correlation value copied into the answer.</param>
public sealed record Identify(object? MessageId) : IAutoReceivedMessage;
