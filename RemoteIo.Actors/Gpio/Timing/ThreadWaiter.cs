namespace RemoteIo.Actors.Gpio.Timing;

/// <summary>
/// Lets a timing thread sleep until a deadline or until another thread signals it (a new, earlier
/// edge), whichever comes first. A signal given while the thread is not waiting is kept, so it is
/// never lost between "look at the queue" and "sleep".
/// </summary>
internal abstract class ThreadWaiter : IDisposable
{
    /// <summary>The best waiter for this OS: an eventfd with <c>ppoll</c> on Linux (nanosecond timeouts), a semaphore elsewhere.</summary>
    /// <returns>A new waiter.</returns>
    public static ThreadWaiter Create() => OperatingSystem.IsLinux() ? new EventFdWaiter() : new SemaphoreWaiter();

    /// <summary>Sleeps until signalled or until <paramref name="timeoutNanoseconds"/> passed (negative: no timeout).</summary>
    /// <param name="timeoutNanoseconds">The longest sleep.</param>
    public abstract void Wait(long timeoutNanoseconds);

    /// <summary>Wakes the waiting thread (or the next wait, if none waits now).</summary>
    public abstract void Signal();

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the handle.</summary>
    /// <param name="disposing">False from a finalizer.</param>
    protected abstract void Dispose(bool disposing);
}
