namespace RemoteIo.Actors.Kernel.Dispatch;

/// <summary>
/// Tells a watcher (or a parent) that <paramref name="Actor"/> has terminated. The watcher's
/// kernel turns it into exactly one <see cref="Terminated"/> user message. The remote layer sends
/// it with <paramref name="AddressTerminated"/> set when a link to the actor's system is declared
/// dead.
/// </summary>
/// <param name="Actor">The actor that terminated.</param>
/// <param name="ExistenceConfirmed">False when the actor may never have existed (it was already gone when watched).</param>
/// <param name="AddressTerminated">True when the actor's whole system became unreachable.</param>
public sealed record DeathWatchNotification(IActorRef Actor, bool ExistenceConfirmed, bool AddressTerminated) : SystemMessage;
