namespace RemoteIo.Actors.Kernel;

/// <summary>
/// A one-shot or fixed-rate timer on a <see cref="TimeProvider"/>: each period is re-armed from
/// the start time (due = start + initial + n × interval), so periodic ticks do not drift; when the
/// process stalled past more than one period the missed ticks are skipped. Subclasses say what a
/// tick does. Shared by the scheduler and actors' keyed timers.
/// </summary>
internal abstract class KernelTimer : ICancelable
{
    /// <summary>The clock.</summary>
    private readonly TimeProvider _time;

    /// <summary>The underlying timer, re-armed one period at a time.</summary>
    private readonly ITimer _timer;

    /// <summary>Clock timestamp when the timer started.</summary>
    private readonly long _start;

    /// <summary>Delay before the first tick, in <see cref="TimeSpan"/> ticks.</summary>
    private readonly long _initialTicks;

    /// <summary>The period in <see cref="TimeSpan"/> ticks; 0 for a one-shot timer.</summary>
    private readonly long _intervalTicks;

    /// <summary>How many periods have been armed after the first tick.</summary>
    private long _periods;

    /// <summary>1 once cancelled.</summary>
    private int _cancelled;

    /// <summary>Creates the timer; it runs once <see cref="Start"/> is called (after the subclass is fully built).</summary>
    /// <param name="time">The clock.</param>
    /// <param name="initialDelay">Time until the first tick (zero or more).</param>
    /// <param name="interval">The period, or <see cref="Timeout.InfiniteTimeSpan"/> for a one-shot timer.</param>
    protected KernelTimer(TimeProvider time, TimeSpan initialDelay, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(initialDelay, TimeSpan.Zero);
        if (interval != Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        }

        _time = time;
        _initialTicks = initialDelay.Ticks;
        _intervalTicks = interval == Timeout.InfiniteTimeSpan ? 0 : interval.Ticks;
        _start = time.GetTimestamp();
        _timer = time.CreateTimer(static state => ((KernelTimer)state!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <inheritdoc />
    public bool IsCancellationRequested => Volatile.Read(ref _cancelled) != 0;

    /// <summary>True for a periodic timer.</summary>
    protected bool IsPeriodic => _intervalTicks != 0;

    /// <inheritdoc />
    public void Cancel()
    {
        if (Interlocked.Exchange(ref _cancelled, 1) == 0)
        {
            _timer.Dispose();
            OnCancelled();
        }
    }

    /// <summary>Arms the first tick.</summary>
    /// <returns>This timer.</returns>
    public KernelTimer Start()
    {
        _timer.Change(TimeSpan.FromTicks(_initialTicks), Timeout.InfiniteTimeSpan);
        return this;
    }

    /// <summary>What a tick does (runs on a timer thread; must not block).</summary>
    protected abstract void OnTick();

    /// <summary>Called once when the timer is cancelled (or a one-shot timer has fired).</summary>
    protected virtual void OnCancelled()
    {
    }

    /// <summary>The timer callback: re-arm the next period, then tick.</summary>
    private void Fire()
    {
        if (IsCancellationRequested)
        {
            return;
        }

        if (_intervalTicks == 0)
        {
            Cancel();
        }
        else
        {
            ArmNextPeriod();
        }

        OnTick();
    }

    /// <summary>Arms the timer for the next period boundary after now.</summary>
    private void ArmNextPeriod()
    {
        var elapsed = _time.GetElapsedTime(_start).Ticks;
        _periods++;
        var due = _initialTicks + (_periods * _intervalTicks);
        if (due <= elapsed - _intervalTicks)
        {
            // Stalled for more than a period: skip the missed ticks instead of firing a burst.
            _periods = ((elapsed - _initialTicks) / _intervalTicks) + 1;
            due = _initialTicks + (_periods * _intervalTicks);
        }

        try
        {
            _timer.Change(TimeSpan.FromTicks(Math.Max(0, due - elapsed)), Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Cancelled concurrently: nothing more to arm.
        }
    }
}
