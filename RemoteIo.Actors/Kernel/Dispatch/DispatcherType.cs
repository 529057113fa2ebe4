namespace RemoteIo.Actors.Kernel.Dispatch;

/// <summary>The kinds of dispatcher (the HOCON <c>type</c> key, Akka's names).</summary>
public enum DispatcherType
{
    /// <summary>Runs mailboxes on the .NET thread pool (the default dispatcher).</summary>
    Dispatcher = 0,

    /// <summary>
    /// Runs mailboxes on its own dedicated threads (<c>dedicated-thread-pool { thread-count, thread-priority }</c>),
    /// so its actors keep running when the thread pool is saturated; used for timing.
    /// </summary>
    ForkJoinDispatcher = 1,
}
