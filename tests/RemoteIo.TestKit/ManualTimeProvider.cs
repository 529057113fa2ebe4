namespace RemoteIo.TestKit;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock moves only when a test says so. Timers created on it
/// fire during <see cref="Advance"/>, in due-time order, with the clock standing exactly at each
/// timer's due time while its callback runs; timers due at the same instant fire in the order they
/// were scheduled. Timestamps have nanosecond resolution.
/// </summary>
/// <remarks>
/// <para>
/// Work a timer callback starts elsewhere (a message to an actor, say) would normally finish on
/// another thread while the clock runs on. Registered <em>settlers</em> (<see cref="AddSettler"/>)
/// close that gap: <see cref="Advance"/> runs them before it moves the clock and again after every
/// callback, so a test kit can wait there until the actor system is idle. Each step of a timeline
/// then completes at its own instant, which makes virtual-time tests exact and repeatable.
/// </para>
/// <para>
/// A timer created with a due time of zero fires on the next <see cref="Advance"/> (an
/// <c>Advance(TimeSpan.Zero)</c> is enough), never on the creating thread.
/// </para>
/// </remarks>
public sealed class ManualTimeProvider : TimeProvider
{
    /// <summary>Nanoseconds per <see cref="TimeSpan"/> tick.</summary>
    private const long NanosecondsPerTick = 100;

    /// <summary>Guards the timer queue, the clock's writes and the settler list.</summary>
    private readonly Lock _gate = new();

    /// <summary>Serialises whole <see cref="Advance"/> calls made from different threads.</summary>
    private readonly Lock _advanceGate = new();

    /// <summary>Pending timer firings ordered by due time, then by scheduling sequence; stale entries are skipped.</summary>
    private readonly PriorityQueue<ScheduledFiring, (long DueNanoseconds, long Sequence)> _queue = new();

    /// <summary>Callbacks that wait for work started by a timer callback to finish.</summary>
    private readonly List<Action> _settlers = [];

    /// <summary>The wall-clock time at which the virtual clock started.</summary>
    private readonly DateTimeOffset _start;

    /// <summary>Nanoseconds elapsed on the virtual clock.</summary>
    private long _nowNanoseconds;

    /// <summary>Monotonic counter that breaks ties between timers due at the same instant.</summary>
    private long _sequence;

    /// <summary>The thread currently inside <see cref="Advance"/>, to refuse re-entrant calls from a callback.</summary>
    private int _advancingThreadId;

    /// <summary>Creates a clock standing at <paramref name="start"/> (default: 2000-01-01 UTC).</summary>
    /// <param name="start">The wall-clock time the virtual clock starts at.</param>
    public ManualTimeProvider(DateTimeOffset? start = null)
    {
        _start = start ?? new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }

    /// <summary>Timestamps are in nanoseconds.</summary>
    public override long TimestampFrequency => 1_000_000_000;

    /// <summary>The virtual clock has no time zone of its own.</summary>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Time elapsed on the virtual clock since it was created.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(Volatile.Read(ref _nowNanoseconds) / NanosecondsPerTick);

    /// <summary>Nanoseconds elapsed on the virtual clock since it was created (the value of <see cref="GetTimestamp"/>).</summary>
    public long ElapsedNanoseconds => Volatile.Read(ref _nowNanoseconds);

    /// <summary>How many timers are scheduled to fire (disposed and stopped timers are not counted).</summary>
    public int PendingTimerCount
    {
        get
        {
            lock (_gate)
            {
                var count = 0;
                foreach (var (firing, _) in _queue.UnorderedItems)
                {
                    if (firing.IsCurrent)
                    {
                        count++;
                    }
                }

                return count;
            }
        }
    }

    /// <summary>
    /// How many pending timers fire within <paramref name="window"/> from now (their due time is at
    /// most now + window). Lets a test wait until the code under test has scheduled a particular
    /// delay (a backoff of 100 ms, say) before it advances the clock past it, whatever long timers
    /// (heartbeats, idle timeouts) are pending too.
    /// </summary>
    /// <param name="window">How far ahead to look; zero or more.</param>
    /// <returns>The number of such timers.</returns>
    public int PendingTimersDueWithin(TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero);
        lock (_gate)
        {
            var limit = _nowNanoseconds + (window.Ticks * NanosecondsPerTick);
            var count = 0;
            foreach (var (firing, priority) in _queue.UnorderedItems)
            {
                if (firing.IsCurrent && priority.DueNanoseconds <= limit)
                {
                    count++;
                }
            }

            return count;
        }
    }

    /// <inheritdoc />
    public override long GetTimestamp() => Volatile.Read(ref _nowNanoseconds);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _start + Elapsed;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>
    /// Registers a callback that <see cref="Advance"/> runs before it moves the clock and after
    /// every timer callback; it should return once the work started so far has finished.
    /// </summary>
    /// <param name="settle">Waits for outstanding work (for instance, until an actor system is idle).</param>
    public void AddSettler(Action settle)
    {
        ArgumentNullException.ThrowIfNull(settle);
        lock (_gate)
        {
            _settlers.Add(settle);
        }
    }

    /// <summary>Removes a callback registered with <see cref="AddSettler"/>.</summary>
    /// <param name="settle">The callback to remove.</param>
    public void RemoveSettler(Action settle)
    {
        lock (_gate)
        {
            _settlers.Remove(settle);
        }
    }

    /// <summary>Runs the settlers without moving the clock.</summary>
    public void Settle()
    {
        Action[] settlers;
        lock (_gate)
        {
            settlers = [.. _settlers];
        }

        foreach (var settle in settlers)
        {
            settle();
        }
    }

    /// <summary>
    /// Moves the clock forward by <paramref name="delta"/>, firing every timer that falls due on
    /// the way (including timers the callbacks themselves schedule inside the window), each at its
    /// exact due time.
    /// </summary>
    /// <param name="delta">How far to move; zero fires what is due now.</param>
    /// <exception cref="ArgumentOutOfRangeException">The delta is negative.</exception>
    /// <exception cref="InvalidOperationException">Called from inside a timer callback.</exception>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        if (Volatile.Read(ref _advancingThreadId) == Environment.CurrentManagedThreadId)
        {
            throw new InvalidOperationException("Advance was called from inside a timer callback; schedule a timer instead.");
        }

        lock (_advanceGate)
        {
            Volatile.Write(ref _advancingThreadId, Environment.CurrentManagedThreadId);
            try
            {
                var target = Volatile.Read(ref _nowNanoseconds) + (delta.Ticks * NanosecondsPerTick);
                Settle();
                while (TryTakeNextDue(target, out var firing))
                {
                    firing.Timer.Invoke();
                    Settle();
                }

                Volatile.Write(ref _nowNanoseconds, target);
            }
            finally
            {
                Volatile.Write(ref _advancingThreadId, 0);
            }
        }
    }

    /// <summary>Moves the clock forward to <paramref name="elapsed"/> since its creation (see <see cref="Advance"/>).</summary>
    /// <param name="elapsed">The virtual time to reach; must not be in the past.</param>
    public void AdvanceTo(TimeSpan elapsed) => Advance(elapsed - Elapsed);

    /// <summary>
    /// Takes the earliest current firing due at or before <paramref name="target"/>, sets the
    /// clock to its due time and schedules the timer's next period.
    /// </summary>
    private bool TryTakeNextDue(long target, out ScheduledFiring firing)
    {
        lock (_gate)
        {
            while (_queue.TryPeek(out firing, out var key))
            {
                if (!firing.IsCurrent)
                {
                    _queue.Dequeue();
                    continue;
                }

                if (key.DueNanoseconds > target)
                {
                    return false;
                }

                _queue.Dequeue();
                Volatile.Write(ref _nowNanoseconds, Math.Max(key.DueNanoseconds, _nowNanoseconds));
                firing.Timer.OnFiring(key.DueNanoseconds);
                return true;
            }

            return false;
        }
    }

    /// <summary>Queues a firing of <paramref name="timer"/>; the caller holds <see cref="_gate"/>.</summary>
    private void Enqueue(ManualTimer timer, long dueNanoseconds, int version)
    {
        _queue.Enqueue(new ScheduledFiring(timer, version), (dueNanoseconds, _sequence++));
    }

    /// <summary>One queued firing; it is stale once the timer has been changed or disposed since.</summary>
    private readonly record struct ScheduledFiring(ManualTimer Timer, int Version)
    {
        /// <summary>True while the timer has not been changed or disposed since this firing was queued.</summary>
        public bool IsCurrent => Timer.Version == Version;
    }

    /// <summary>A timer on the virtual clock.</summary>
    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        /// <summary>The period in nanoseconds; zero for a one-shot timer.</summary>
        private long _periodNanoseconds;

        /// <summary>Set once disposed; a disposed timer never fires again.</summary>
        private bool _disposed;

        /// <summary>Bumped by every change, so firings queued before it are recognised as stale.</summary>
        public int Version { get; private set; }

        /// <inheritdoc />
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                if (_disposed)
                {
                    return false;
                }

                Version++;
                _periodNanoseconds = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? 0 : period.Ticks * NanosecondsPerTick;
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
                    owner.Enqueue(this, owner._nowNanoseconds + (dueTime.Ticks * NanosecondsPerTick), Version);
                }

                return true;
            }
        }

        /// <summary>Called under the owner's lock when a firing is taken: queues the next period, if any.</summary>
        public void OnFiring(long dueNanoseconds)
        {
            if (_periodNanoseconds > 0)
            {
                owner.Enqueue(this, dueNanoseconds + _periodNanoseconds, Version);
            }
        }

        /// <summary>Runs the callback (outside the owner's lock, so it may create or change timers).</summary>
        public void Invoke() => callback(state);

        /// <inheritdoc />
        public void Dispose()
        {
            lock (owner._gate)
            {
                _disposed = true;
                Version++;
            }
        }

        /// <inheritdoc />
        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
