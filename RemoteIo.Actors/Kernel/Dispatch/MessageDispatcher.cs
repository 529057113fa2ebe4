namespace RemoteIo.Actors.Kernel.Dispatch;

/// <summary>
/// Runs actors' mailboxes on threads. A mailbox is scheduled at most once at a time (a CAS on its
/// status word), so one thread runs a given actor at a time; each run processes its system
/// messages and up to <see cref="Throughput"/> user messages. Look dispatchers up by id with
/// <see cref="Dispatchers.Lookup"/>; actors choose one with <see cref="Props.WithDispatcher"/>.
/// </summary>
public abstract class MessageDispatcher
{
    /// <summary>Only the kernel implements dispatchers.</summary>
    /// <param name="settings">The dispatcher's settings.</param>
    private protected MessageDispatcher(DispatcherSettings settings)
    {
        Settings = settings;
        Throughput = settings.Throughput;
    }

    /// <summary>The dispatcher's settings.</summary>
    public DispatcherSettings Settings { get; }

    /// <summary>The dispatcher's id (its configuration path).</summary>
    public string Id => Settings.Id;

    /// <summary>User messages an actor processes per turn before yielding its thread.</summary>
    public int Throughput { get; }

    /// <summary>Schedules a mailbox run if the mailbox has work and is not already scheduled.</summary>
    /// <returns>True when this call scheduled it.</returns>
    internal bool RegisterForExecution(Mailbox mailbox, bool hasMessageHint, bool hasSystemMessageHint)
    {
        if (mailbox.CanBeScheduledForExecution(hasMessageHint, hasSystemMessageHint) && mailbox.SetAsScheduled())
        {
            Execute(mailbox);
            return true;
        }

        return false;
    }

    /// <summary>Runs <paramref name="work"/> (a mailbox) on one of the dispatcher's threads; never blocks.</summary>
    internal abstract void Execute(IThreadPoolWorkItem work);

    /// <summary>Releases the dispatcher's threads once the actor system has terminated.</summary>
    internal virtual void Shutdown()
    {
    }
}
