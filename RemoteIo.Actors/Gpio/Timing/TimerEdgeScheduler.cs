namespace RemoteIo.Actors.Gpio.Timing;

/// <summary>
/// The scheduler on a virtual (or any non-system) clock: one lane, one timer armed for the
/// earliest due edge. Edges are written inside the timer callback, where a manual clock stands
/// exactly at the due time, so transition logs show exact virtual times and tests are repeatable.
/// </summary>
internal sealed class TimerEdgeScheduler : EdgeScheduler
{
    /// <summary>The single lane holding every line.</summary>
    private readonly EdgeLane _lane;

    /// <summary>The lane as a list, for statistics.</summary>
    private readonly EdgeLane[] _lanes;

    /// <summary>The one timer, re-armed for the earliest due edge.</summary>
    private readonly ITimer _timer;

    /// <summary>The due time the timer is armed for; <see cref="long.MaxValue"/> when disarmed. Guarded by the lane's lock.</summary>
    private long _armedFor = long.MaxValue;

    /// <summary>Creates the scheduler.</summary>
    /// <param name="controller">The controller.</param>
    /// <param name="clock">A clock other than the system clock.</param>
    /// <param name="options">The settings.</param>
    /// <param name="listener">The end listener.</param>
    /// <param name="log">Notices.</param>
    public TimerEdgeScheduler(GpioController controller, TimeProvider clock, EdgeSchedulerOptions options, IWaveformListener? listener, Action<string>? log)
        : base(controller, clock, options, listener, log)
    {
        _lane = new EdgeLane(controller.Driver, clock, controller.PinCount, listener, log);
        _lanes = [_lane];
        _timer = clock.CreateTimer(static state => ((TimerEdgeScheduler)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <inheritdoc />
    public override bool UsesDedicatedThreads => false;

    /// <inheritdoc />
    public override Exception? LastFault
    {
        get
        {
            lock (_lane.Gate)
            {
                return _lane.LastFault;
            }
        }
    }

    /// <inheritdoc />
    private protected override IReadOnlyList<EdgeLane> Lanes => _lanes;

    /// <inheritdoc />
    private protected override EdgeLane LaneFor(int line) => _lane;

    /// <inheritdoc />
    private protected override void OnLaneChanged(EdgeLane lane) => Arm();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _timer.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Points the timer at the earliest due edge (rounded up to the timer's 100 ns resolution: never early).</summary>
    private void Arm()
    {
        var due = _lane.NextDue;
        if (due == _armedFor)
        {
            return;
        }

        _armedFor = due;
        if (due == long.MaxValue)
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var delay = Math.Max(0, due - NowNanoseconds);
        _timer.Change(ClockTime.ToTimeSpanCeiling(delay), Timeout.InfiniteTimeSpan);
    }

    /// <summary>The timer fired: write what is due, re-arm, then report ended waveforms (in order with the lane's other ends).</summary>
    private void OnTimer()
    {
        bool deliver;
        lock (_lane.Gate)
        {
            if (_armedFor == long.MaxValue && _lane.NextDue == long.MaxValue)
            {
                return;
            }

            _lane.ProcessDue(NowNanoseconds);
            _armedFor = long.MaxValue;
            Arm();
            deliver = _lane.Outbox.TryBeginDelivery();
        }

        if (deliver)
        {
            _lane.Outbox.Deliver(_lane.Gate);
        }
    }
}
