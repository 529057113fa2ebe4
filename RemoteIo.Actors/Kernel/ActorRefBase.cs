using System.Diagnostics.CodeAnalysis;
using RemoteIo.Actors.Kernel.Dispatch;

namespace RemoteIo.Actors.Kernel;

/// <summary>
/// Base class of every actor reference: equality, ordering and formatting by path and uid, so
/// references of different kinds (local, remote, test probes) compare and hash alike. Extensions
/// derive from it for their own references (the remote layer's remote refs).
/// </summary>
[SuppressMessage("Design", "CA1036:Override methods on comparable types", Justification = "References are used through IActorRef, where operators do not apply; Equals and CompareTo are the contract, as in Akka.")]
public abstract class ActorRefBase : IInternalActorRef
{
    /// <summary>Creates a reference; subclasses supply the path and the delivery.</summary>
    protected ActorRefBase()
    {
    }

    /// <inheritdoc />
    public abstract ActorPath Path { get; }

    /// <inheritdoc />
    public virtual bool IsLocal => true;

    /// <inheritdoc />
    public virtual ActorSystem? System => null;

    /// <inheritdoc />
    public abstract void Tell(object message, IActorRef? sender);

    /// <inheritdoc />
    public abstract void SendSystemMessage(SystemMessage message);

    /// <inheritdoc />
    public bool Equals(IActorRef? other) => other is not null && Path.Uid == other.Path.Uid && Path.Equals(other.Path);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Path.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(IActorRef? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byPath = Path.CompareTo(other.Path);
        return byPath != 0 ? byPath : Path.Uid.CompareTo(other.Path.Uid);
    }

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        IActorRef other => CompareTo(other),
        _ => throw new ArgumentException($"Cannot compare an actor reference with a {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>Formats as <c>[path#uid]</c>, as Akka does.</summary>
    /// <returns>The path with its uid, in brackets.</returns>
    public override string ToString() => Path.Uid == 0 ? $"[{Path}]" : $"[{Path}#{Path.Uid}]";
}
