namespace RemoteIo.Actors.Kernel;

/// <summary>
/// Delivered to a watcher exactly once when an actor it watches (<c>Context.Watch</c>)
/// terminates. An actor that does not handle it fails with a <see cref="DeathPactException"/>.
/// One queued for an actor that was unwatched before it arrived is dropped; a Terminated that an
/// actor merely forwards is an ordinary message.
/// </summary>
/// <param name="ActorRef">The actor that terminated.</param>
/// <param name="ExistenceConfirmed">False when the actor was already gone (or never existed) when it was watched.</param>
/// <param name="AddressTerminated">True when the actor's system became unreachable (a dead remote link).</param>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed, bool AddressTerminated);
