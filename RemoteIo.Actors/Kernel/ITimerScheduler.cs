namespace RemoteIo.Actors.Kernel;

/// <summary>
/// Keyed timers that send messages to the actor itself, on the actor system's
/// <see cref="TimeProvider"/> (so tests drive them with a virtual clock). Starting a timer with a
/// key that is in use replaces the old timer, and a tick of the old one that is already in the
/// mailbox is discarded (every start gets a new generation), as is a tick of a cancelled timer.
/// Periodic timers run at a fixed rate (no drift; ticks missed by more than a period are skipped).
/// Use only from the actor's own thread.
/// </summary>
public interface ITimerScheduler
{
    /// <summary>The keys of the active timers.</summary>
    IReadOnlyCollection<object> ActiveTimers { get; }

    /// <summary>Sends <paramref name="message"/> once after <paramref name="delay"/>.</summary>
    /// <param name="key">Identifies the timer.</param>
    /// <param name="message">The message to send to the actor itself.</param>
    /// <param name="delay">Time until it is sent (zero or more).</param>
    void StartSingleTimer(object key, object message, TimeSpan delay);

    /// <summary>Sends <paramref name="message"/> every <paramref name="interval"/>, the first time after one interval.</summary>
    /// <param name="key">Identifies the timer.</param>
    /// <param name="message">The message to send to the actor itself.</param>
    /// <param name="interval">The period (positive).</param>
    void StartPeriodicTimer(object key, object message, TimeSpan interval);

    /// <summary>Sends <paramref name="message"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    /// <param name="key">Identifies the timer.</param>
    /// <param name="message">The message to send to the actor itself.</param>
    /// <param name="initialDelay">Time until the first tick (zero or more).</param>
    /// <param name="interval">The period (positive).</param>
    void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval);

    /// <summary>True while the timer <paramref name="key"/> is active (a single timer until its message is received).</summary>
    /// <param name="key">The timer's key.</param>
    /// <returns>Whether it is active.</returns>
    bool IsTimerActive(object key);

    /// <summary>Cancels the timer <paramref name="key"/>; a tick already in the mailbox is discarded.</summary>
    /// <param name="key">The timer's key.</param>
    void Cancel(object key);

    /// <summary>Cancels every timer of the actor.</summary>
    void CancelAll();
}
