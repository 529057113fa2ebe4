namespace RemoteIo.Actors.Kernel.Dispatch;

/// <summary>
/// Asks <paramref name="Watchee"/> to tell <paramref name="Watcher"/> when it terminates (a
/// <see cref="DeathWatchNotification"/>, which the watcher turns into a <see cref="Terminated"/>).
/// Sent to the watchee by <c>Context.Watch</c>; a remote reference forwards it over its link.
/// </summary>
/// <param name="Watchee">The actor to watch.</param>
/// <param name="Watcher">The actor to notify.</param>
public sealed record Watch(IInternalActorRef Watchee, IInternalActorRef Watcher) : SystemMessage;
