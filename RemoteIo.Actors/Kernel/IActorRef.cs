namespace RemoteIo.Actors.Kernel;

/// <summary>
/// An immutable, serialisable handle to an actor, local or remote. It is the only way to talk to
/// an actor: its state is never shared. Two references are equal when they name the same actor
/// incarnation (same <see cref="ActorPath"/> and same uid).
/// </summary>
public interface IActorRef : ICanTell, IEquatable<IActorRef>, IComparable<IActorRef>, IComparable
{
    /// <summary>The actor's path, including its address and (when known) its incarnation uid.</summary>
    ActorPath Path { get; }
}
