namespace RemoteIo.Actors.Gpio.Timing;

/// <summary>
/// The timing engine: runs a <see cref="Waveform"/> per output line and writes every edge at its
/// due instant, with no drift and no allocation per edge. The Pins layer drives every timed edge
/// (impulses, blink, software PWM, fades, servo pulses) through it.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Create"/> picks the implementation from the clock. On <see cref="TimeProvider.System"/>
/// dedicated threads sleep until shortly before the next due edge (<c>ppoll</c> with a nanosecond
/// timeout and 1 ns timer slack), spin for the last stretch — the whole
/// <see cref="EdgeSchedulerOptions.SpinWindow"/> while their <see cref="EdgeSchedulerOptions.SpinBudget"/>
/// lasts, else as long as their measured wake-up latency needs — and write everything due at that
/// instant in one multi-line write; ends are reported once no other edge is imminent. On any other clock (the test
/// kit's manual clock) edges are written inside the clock's timer callbacks, with the clock
/// standing exactly at their due time, so a simulated transition log shows exact virtual times
/// (timers count in 100 ns <see cref="TimeSpan"/> ticks, so a due time between two ticks is
/// written at the next one).
/// </para>
/// <para>
/// A timing thread that wakes later than a whole phase (a starved machine) does not replay the
/// edges it missed: it writes the level the waveform has now and stays on the waveform's grid.
/// A queued waveform (<see cref="StartQueued"/>) is the exception: taken over more than
/// <see cref="HandOverTolerance"/> late (or by half its duration or more), it starts when its first
/// level is written and runs its full duration — lateness delays a queued command, never shortens
/// or skips it.
/// </para>
/// <para>
/// <see cref="Start"/> and <see cref="Cancel(int)"/> act at once: a waveform whose start is not in
/// the future is written on the calling thread before the call returns; a cancel writes the final
/// level before it returns. Waveforms end through the <see cref="IWaveformListener"/> given to
/// <see cref="Create"/>, one line's ends always in the order they happened, whichever thread ended
/// them (the timing thread, or a caller of <see cref="Start"/> or <see cref="Cancel(int)"/>).
/// </para>
/// </remarks>
public abstract class EdgeScheduler : IDisposable
{
    /// <summary>
    /// How late a queued waveform (<see cref="StartQueued"/>) may be taken over and still keep its
    /// planned start: 1 ms. Wake-up jitter stays within it, so a queue run on time chains exactly;
    /// a longer stall moves the waveform to the instant it is written.
    /// </summary>
    public static readonly TimeSpan HandOverTolerance = TimeSpan.FromTicks(EdgeLane.HandOverToleranceNanoseconds / ClockTime.NanosecondsPerTick);

    /// <summary>1 once disposed.</summary>
    private int _disposed;

    /// <summary>Creates the scheduler over an open controller.</summary>
    /// <param name="controller">The controller whose output lines the scheduler drives.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">Validated settings.</param>
    /// <param name="listener">Told when waveforms end; may be null.</param>
    /// <param name="log">Receives one-line notices; may be null.</param>
    private protected EdgeScheduler(GpioController controller, TimeProvider clock, EdgeSchedulerOptions options, IWaveformListener? listener, Action<string>? log)
    {
        Controller = controller;
        Clock = clock;
        Options = options;
        Listener = listener;
        Log = log;
    }

    /// <summary>The controller whose lines are driven.</summary>
    public GpioController Controller { get; }

    /// <summary>The clock every timestamp refers to.</summary>
    public TimeProvider Clock { get; }

    /// <summary>The settings.</summary>
    public EdgeSchedulerOptions Options { get; }

    /// <summary>The clock now, in nanoseconds: the time base of every <see cref="Waveform"/> timestamp.</summary>
    public long NowNanoseconds => ClockTime.NowNanoseconds(Clock);

    /// <summary>True when dedicated timing threads run the edges (real clock); false when the clock's timers do (virtual clock).</summary>
    public abstract bool UsesDedicatedThreads { get; }

    /// <summary>The last driver failure seen while writing an edge (the waveform was reported <see cref="WaveformEndReason.Faulted"/>).</summary>
    public abstract Exception? LastFault { get; }

    /// <summary>The listener told about ended waveforms.</summary>
    private protected IWaveformListener? Listener { get; }

    /// <summary>Where one-line notices go; may be null.</summary>
    private protected Action<string>? Log { get; }

    /// <summary>
    /// Creates a scheduler: dedicated timing threads on <see cref="TimeProvider.System"/>, the
    /// clock's own timers on any other clock.
    /// </summary>
    /// <param name="controller">The controller whose output lines the scheduler will drive.</param>
    /// <param name="clock">The clock; the same one the driver stamps with.</param>
    /// <param name="options">Settings; <see cref="EdgeSchedulerOptions.Default"/> when null.</param>
    /// <param name="listener">Told when waveforms end (created once: no allocation per waveform).</param>
    /// <param name="log">Receives one-line notices (thread priority refused, for instance); may be null.</param>
    /// <returns>The scheduler.</returns>
    public static EdgeScheduler Create(
        GpioController controller,
        TimeProvider clock,
        EdgeSchedulerOptions? options = null,
        IWaveformListener? listener = null,
        Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(clock);
        options ??= EdgeSchedulerOptions.Default;
        options.Validate();
        return ReferenceEquals(clock, TimeProvider.System)
            ? new ThreadedEdgeScheduler(controller, clock, options, listener, log)
            : new TimerEdgeScheduler(controller, clock, options, listener, log);
    }

    /// <summary>
    /// Gives <paramref name="line"/> its next waveform. It takes over at its start timestamp —
    /// at once when that is not in the future (phase kept from the start), otherwise exactly then,
    /// ending the running waveform (<see cref="WaveformEndReason.Interrupted"/>, or
    /// <see cref="WaveformEndReason.Completed"/> if that ends at the same instant). A waveform
    /// still waiting for its start is replaced (<see cref="WaveformEndReason.Superseded"/>).
    /// </summary>
    /// <param name="line">A line the controller has open as an output.</param>
    /// <param name="waveform">The waveform.</param>
    /// <param name="token">Handed back to the listener (a command id).</param>
    /// <exception cref="GpioInvalidArgumentException">The line is not an open output or the waveform is invalid; nothing changed.</exception>
    public void Start(int line, in Waveform waveform, long token = 0) => StartCore(line, waveform, token, StartMode.AtStart);

    /// <summary>
    /// Gives <paramref name="line"/> a waveform that starts at the instant its first level is
    /// written: its timestamps move (keeping every duration) to the clock's reading taken under the
    /// lane's lock right before that write. A command that starts "now" thus keeps its exact
    /// durations even when the calling thread was preempted between planning the waveform and
    /// handing it over — <c>on(5 ms)</c> stays high 5 ms instead of 5 ms minus the delay. Otherwise
    /// as <see cref="Start"/> with a start that is not in the future.
    /// </summary>
    /// <param name="line">A line the controller has open as an output.</param>
    /// <param name="waveform">The waveform; its start only sets the origin its other timestamps are relative to.</param>
    /// <param name="token">Handed back to the listener (a command id).</param>
    /// <returns>The start the waveform got, in nanoseconds on the scheduler's clock.</returns>
    /// <exception cref="GpioInvalidArgumentException">The line is not an open output or the waveform is invalid; nothing changed.</exception>
    public long StartNow(int line, in Waveform waveform, long token = 0) => StartCore(line, waveform, token, StartMode.Now);

    /// <summary>
    /// Gives <paramref name="line"/> a waveform queued behind the running one (a wait-mode command
    /// whose start is the running waveform's end). On time, exactly as <see cref="Start"/>: it takes
    /// over at its start and the two join without a gap or drift. Taken over late — the timing
    /// thread woke, or a write on another line returned, or this call came, more than
    /// <see cref="HandOverTolerance"/> after its start, or by half its duration or more — it starts
    /// instead at the instant its first level is written, keeping every duration: lateness delays a
    /// queued command but never shortens or skips it. The running waveform that was to end at the
    /// planned start then ends (<see cref="WaveformEndReason.Completed"/>) at that same instant, so
    /// the listener learns the moved start from it, and its own end is its moved end.
    /// </summary>
    /// <param name="line">A line the controller has open as an output.</param>
    /// <param name="waveform">The waveform, planned from the running waveform's end.</param>
    /// <param name="token">Handed back to the listener (a command id).</param>
    /// <returns>
    /// The start it got when it already took over during this call (moved if this call came late);
    /// otherwise its planned start, which a late hand-over may still move (reported as above).
    /// </returns>
    /// <exception cref="GpioInvalidArgumentException">The line is not an open output or the waveform is invalid; nothing changed.</exception>
    public long StartQueued(int line, in Waveform waveform, long token = 0) => StartCore(line, waveform, token, StartMode.Queued);

    /// <summary>Cuts the line's waveform now and leaves the running waveform's final level (an idle line is left alone).</summary>
    /// <param name="line">A line of the controller.</param>
    /// <returns>The cut instant, in nanoseconds on the scheduler's clock.</returns>
    public long Cancel(int line) => CancelCore(line, null);

    /// <summary>Cuts the line's waveform now and leaves <paramref name="finalLevel"/>.</summary>
    /// <param name="line">A line of the controller.</param>
    /// <param name="finalLevel">The level to leave, whatever the waveform's final level was.</param>
    /// <returns>The cut instant, in nanoseconds on the scheduler's clock.</returns>
    /// <exception cref="GpioInvalidArgumentException">The line is not open as an output; nothing changed.</exception>
    public long Cancel(int line, PinValue finalLevel)
    {
        Controller.CheckOutput(line);
        return CancelCore(line, finalLevel);
    }

    /// <summary>Whether the line runs a waveform or has one waiting.</summary>
    /// <param name="line">A line of the controller.</param>
    /// <returns>True when active.</returns>
    public bool IsActive(int line)
    {
        var lane = LaneFor(CheckRange(line));
        lock (lane.Gate)
        {
            return lane.IsActive(line);
        }
    }

    /// <summary>How late the edges written so far were (since creation or <see cref="ResetStatistics"/>).</summary>
    /// <returns>The statistics.</returns>
    public EdgeTimingStatistics GetStatistics()
    {
        var total = new LatencyHistogram();
        foreach (var lane in Lanes)
        {
            lock (lane.Gate)
            {
                lane.Histogram.AddTo(total);
            }
        }

        return total.ToStatistics();
    }

    /// <summary>Forgets the lateness measured so far.</summary>
    public void ResetStatistics()
    {
        foreach (var lane in Lanes)
        {
            lock (lane.Gate)
            {
                lane.Histogram.Reset();
            }
        }
    }

    /// <summary>Stops the timing threads or timers; lines keep their current level.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>The lanes (one per timing thread, or the single timer lane).</summary>
    private protected abstract IReadOnlyList<EdgeLane> Lanes { get; }

    /// <summary>The lane running <paramref name="line"/>.</summary>
    /// <param name="line">A valid line.</param>
    /// <returns>The lane.</returns>
    private protected abstract EdgeLane LaneFor(int line);

    /// <summary>Called under the lane's lock after its queue changed: wake the thread or re-arm the timer.</summary>
    /// <param name="lane">The lane.</param>
    private protected abstract void OnLaneChanged(EdgeLane lane);

    /// <summary>Stops threads or timers.</summary>
    /// <param name="disposing">False from a finalizer.</param>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Refuses use after dispose.</summary>
    private protected void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    /// <summary>Starts a waveform as <paramref name="mode"/> says; returns the start it got.</summary>
    private long StartCore(int line, in Waveform waveform, long token, StartMode mode)
    {
        waveform.Validate();
        Controller.CheckOutput(line);
        ThrowIfDisposed();
        var lane = LaneFor(line);
        bool deliver;
        long start;
        lock (lane.Gate)
        {
            var now = NowNanoseconds;
            var moved = mode == StartMode.Now ? waveform.WithStart(now) : waveform;
            start = lane.Start(line, moved, token, now, queued: mode == StartMode.Queued);
            OnLaneChanged(lane);
            deliver = lane.Outbox.TryBeginDelivery();
        }

        if (deliver)
        {
            lane.Outbox.Deliver(lane.Gate);
        }

        return start;
    }

    /// <summary>Cancels with an optional final level.</summary>
    private long CancelCore(int line, PinValue? finalLevel)
    {
        var lane = LaneFor(CheckRange(line));
        ThrowIfDisposed();
        bool deliver;
        long now;
        lock (lane.Gate)
        {
            now = NowNanoseconds;
            lane.Cancel(line, finalLevel, now);
            OnLaneChanged(lane);
            deliver = lane.Outbox.TryBeginDelivery();
        }

        if (deliver)
        {
            lane.Outbox.Deliver(lane.Gate);
        }

        return now;
    }

    /// <summary>Where a started waveform's time grid comes from.</summary>
    private enum StartMode
    {
        /// <summary>Its own timestamps, a start in the past honoured by phase (<see cref="Start"/>).</summary>
        AtStart,

        /// <summary>Moved to the instant it is written (<see cref="StartNow"/>).</summary>
        Now,

        /// <summary>Its own timestamps unless taken over late, then moved to the instant it is written (<see cref="StartQueued"/>).</summary>
        Queued,
    }

    /// <summary>Refuses a line the chip does not have.</summary>
    private int CheckRange(int line) =>
        (uint)line < (uint)Controller.PinCount
            ? line
            : throw new GpioInvalidArgumentException($"line {line} does not exist: the chip has lines 0..{Controller.PinCount - 1}");
}
