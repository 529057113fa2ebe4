namespace RemoteIo.Actors.Kernel;

/// <summary>
/// An actor's keyed timers (<see cref="ITimerScheduler"/>). Each start creates a new
/// <see cref="TimerMessage"/> (a new generation) that the timer sends on every tick, so the cell
/// accepts a tick only while that exact message is the key's current one: a replaced or cancelled
/// timer's tick still in the mailbox is dropped. Used only on the actor's thread; the ticks
/// themselves are sent from timer threads and allocate nothing.
/// </summary>
/// <param name="cell">The actor owning the timers.</param>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    /// <summary>The active timers by key.</summary>
    private readonly Dictionary<object, TellTimer> _timers = [];

    /// <summary>Incremented by every start, never reset (not even by restarts).</summary>
    private long _generation;

    /// <inheritdoc />
    public IReadOnlyCollection<object> ActiveTimers => [.. _timers.Keys];

    /// <inheritdoc />
    public void StartSingleTimer(object key, object message, TimeSpan delay) => Start(key, message, delay, Timeout.InfiniteTimeSpan);

    /// <inheritdoc />
    public void StartPeriodicTimer(object key, object message, TimeSpan interval) => StartPeriodicTimer(key, message, interval, interval);

    /// <inheritdoc />
    public void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Start(key, message, initialDelay, interval);
    }

    /// <inheritdoc />
    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    /// <inheritdoc />
    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var timer))
        {
            timer.Cancel();
        }
    }

    /// <inheritdoc />
    public void CancelAll()
    {
        foreach (var timer in _timers.Values)
        {
            timer.Cancel();
        }

        _timers.Clear();
    }

    /// <summary>
    /// Decides whether a tick taken from the mailbox is current; a single timer's key becomes
    /// inactive once its tick is accepted.
    /// </summary>
    /// <returns>True when the wrapped message should be delivered.</returns>
    internal bool Accept(TimerMessage tick)
    {
        if (!_timers.TryGetValue(tick.Key, out var timer) || !ReferenceEquals(timer.Message, tick))
        {
            return false;
        }

        if (!tick.IsPeriodic)
        {
            _timers.Remove(tick.Key);
            timer.Cancel();
        }

        return true;
    }

    /// <summary>Replaces the key's timer with a new generation.</summary>
    private void Start(object key, object message, TimeSpan initialDelay, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThan(initialDelay, TimeSpan.Zero);
        Cancel(key);
        var tick = new TimerMessage(key, message, ++_generation, interval != Timeout.InfiniteTimeSpan);
        var timer = new TellTimer(cell.Self, tick, cell.System.TimeProvider, initialDelay, interval);
        _timers[key] = timer;
        timer.Start();
    }
}
