namespace RemoteIo.Actors.Kernel;

/// <summary>
/// How the kernel queues a watched actor's <see cref="Kernel.Terminated"/> in the watcher's
/// mailbox: the cell delivers it only if the watch is still queued for it (not unwatched since),
/// while a <see cref="Kernel.Terminated"/> someone merely forwards stays an ordinary message.
/// </summary>
/// <param name="Terminated">The message to deliver.</param>
internal sealed record WatchedTerminated(Terminated Terminated) : IAutoReceivedMessage;
