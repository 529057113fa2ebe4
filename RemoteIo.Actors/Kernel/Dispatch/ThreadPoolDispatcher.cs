namespace RemoteIo.Actors.Kernel.Dispatch;

/// <summary>
/// The default dispatcher: mailboxes run on the .NET thread pool. A mailbox is its own
/// <see cref="IThreadPoolWorkItem"/>, so scheduling allocates nothing.
/// </summary>
/// <param name="settings">The dispatcher's settings.</param>
internal sealed class ThreadPoolDispatcher(DispatcherSettings settings) : MessageDispatcher(settings)
{
    /// <inheritdoc />
    internal override void Execute(IThreadPoolWorkItem work) => ThreadPool.UnsafeQueueUserWorkItem(work, preferLocal: false);
}
