namespace RemoteIo.Actors.Kernel.Dispatch;

/// <summary>
/// Counts work the actor system has accepted but not finished (user and system messages enqueued
/// and not yet processed), so a test kit can wait until everything a clock tick started has run.
/// Only exists when the system was created with quiescence tracking on.
/// </summary>
internal sealed class Quiescence
{
    /// <summary>Monitor on which <see cref="AwaitIdle"/> waits; pulsed when the count reaches zero.</summary>
    private readonly object _gate = new();

    /// <summary>Messages enqueued and not yet processed or dead-lettered.</summary>
    private long _outstanding;

    /// <summary>The current count (for diagnostics).</summary>
    public long Outstanding => Volatile.Read(ref _outstanding);

    /// <summary>One more message is pending.</summary>
    public void Increment() => Interlocked.Increment(ref _outstanding);

    /// <summary>One pending message was processed or dropped; wakes waiters when nothing is left.</summary>
    public void Decrement()
    {
        if (Interlocked.Decrement(ref _outstanding) == 0)
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Waits until no message is pending.</summary>
    /// <param name="timeout">How long to wait at most.</param>
    /// <returns>True when idle; false on timeout.</returns>
    public bool AwaitIdle(TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        lock (_gate)
        {
            // A decrement to zero pulses under the same lock, so no wake-up is lost between the check and the wait.
            while (Volatile.Read(ref _outstanding) != 0)
            {
                var remaining = deadline - Environment.TickCount64;
                if (remaining <= 0 || !Monitor.Wait(_gate, TimeSpan.FromMilliseconds(remaining)))
                {
                    return Volatile.Read(ref _outstanding) == 0;
                }
            }

            return true;
        }
    }
}
