using RemoteIo.Actors.Kernel.Dispatch;
using RemoteIo.Actors.Kernel.Event;

namespace RemoteIo.Actors.Kernel;

/// <summary>
/// What an actor can see and do about itself: its references, its children, death watch and its
/// behaviour. Use it only on the actor's own thread (inside Receive and the lifecycle hooks), never
/// from a task continuation or another thread.
/// </summary>
public interface IActorContext
{
    /// <summary>The actor's own reference.</summary>
    IActorRef Self { get; }

    /// <summary>The sender of the message being processed (the dead letters when there is none).</summary>
    IActorRef Sender { get; }

    /// <summary>The actor's parent (its supervisor).</summary>
    IActorRef Parent { get; }

    /// <summary>The actor system the actor belongs to.</summary>
    ActorSystem System { get; }

    /// <summary>The props the actor was created from (also used for restarts).</summary>
    Props Props { get; }

    /// <summary>The dispatcher running the actor.</summary>
    MessageDispatcher Dispatcher { get; }

    /// <summary>The receive timeout in force, or null (see <see cref="SetReceiveTimeout"/>).</summary>
    TimeSpan? ReceiveTimeout { get; }

    /// <summary>Creates a child actor, supervised by this actor.</summary>
    /// <param name="props">How to create it.</param>
    /// <param name="name">A unique name among the siblings (a name is generated when null).</param>
    /// <returns>The child's reference; it can be used at once.</returns>
    /// <exception cref="InvalidActorNameException">The name is invalid or taken.</exception>
    /// <exception cref="ArgumentException">The props name a dispatcher that is not configured.</exception>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Looks up a child by name.</summary>
    /// <param name="name">The child's name.</param>
    /// <returns>The child, or <see cref="ActorRefs.Nobody"/>.</returns>
    IActorRef Child(string name);

    /// <summary>The live children (a snapshot).</summary>
    /// <returns>The children's references.</returns>
    IReadOnlyList<IActorRef> GetChildren();

    /// <summary>
    /// Stops a child (or this actor itself) asynchronously: its children first, then it. What is
    /// left in its mailbox goes to the dead letters. Processing of the current message continues.
    /// </summary>
    /// <param name="child">The actor to stop.</param>
    void Stop(IActorRef child);

    /// <summary>
    /// Watches <paramref name="subject"/>: when it terminates (or is already dead) this actor gets
    /// exactly one <see cref="Terminated"/>. Works for local and remote references.
    /// </summary>
    /// <param name="subject">The actor to watch.</param>
    /// <returns><paramref name="subject"/>.</returns>
    IActorRef Watch(IActorRef subject);

    /// <summary>Like <see cref="Watch"/>, but delivers <paramref name="message"/> instead of <see cref="Terminated"/>.</summary>
    /// <param name="subject">The actor to watch.</param>
    /// <param name="message">The message to receive when it terminates.</param>
    /// <returns><paramref name="subject"/>.</returns>
    IActorRef WatchWith(IActorRef subject, object message);

    /// <summary>Stops watching; a <see cref="Terminated"/> already queued for the subject is dropped.</summary>
    /// <param name="subject">The watched actor.</param>
    /// <returns><paramref name="subject"/>.</returns>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>Replaces the current behaviour.</summary>
    /// <param name="receive">The new behaviour.</param>
    void Become(Receive receive);

    /// <summary>Pushes a behaviour on top of the current one (undo with <see cref="UnbecomeStacked"/>).</summary>
    /// <param name="receive">The new behaviour.</param>
    void BecomeStacked(Receive receive);

    /// <summary>Pops the behaviour pushed last; the initial behaviour is never popped.</summary>
    void UnbecomeStacked();

    /// <summary>
    /// Asks for a <see cref="Kernel.ReceiveTimeout"/> message after <paramref name="timeout"/> without
    /// user messages, repeated while the actor stays idle; null turns it off.
    /// </summary>
    /// <param name="timeout">The idle time, or null.</param>
    void SetReceiveTimeout(TimeSpan? timeout);

    /// <summary>Selects actors by path: absolute (<c>/user/a</c>, <c>remoteio://sys@host:port/user/a</c>) or relative to this actor (<c>../b</c>, <c>child/*</c>).</summary>
    /// <param name="path">The path, possibly with <c>*</c> and <c>?</c> wildcards.</param>
    /// <returns>The selection.</returns>
    ActorSelection ActorSelection(string path);

    /// <summary>A logger whose entries name this actor as their source.</summary>
    /// <returns>The logger.</returns>
    ILoggingAdapter GetLogger();
}
