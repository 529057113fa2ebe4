namespace RemoteIo.Actors.Kernel.Dispatch;

/// <summary>Cancels a <see cref="Watch"/>: <paramref name="Watcher"/> no longer wants to hear of <paramref name="Watchee"/>'s death.</summary>
/// <param name="Watchee">The watched actor.</param>
/// <param name="Watcher">The actor that watched it.</param>
public sealed record Unwatch(IInternalActorRef Watchee, IInternalActorRef Watcher) : SystemMessage;
