using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Pwm;
using RemoteIo.Actors.Gpio.Timing;

namespace RemoteIo.Actors.Pins;

/// <summary>
/// Runs <see cref="Waveform"/>s on one GPIO's hardware PWM channel, the way the
/// <see cref="EdgeScheduler"/> runs them on a line: a waveform takes over at its start (at once
/// when that is not in the future), a fade's duty changes every fade step, and at its end the
/// channel is disabled (the pin rests low) — or held at 100 % for a high final level — and the
/// ending goes to the same <see cref="IWaveformListener"/> as the scheduler's. The hardware makes
/// the edges; this class only writes period, duty and enable, at the instants a timer on the
/// host's clock fires (exact on the virtual clock; on the real clock within the timer's latency).
/// Lateness follows the edge scheduler's rule: a fresh waveform (<see cref="StartNow"/>) starts
/// when it is applied, a queued one (<see cref="StartQueued"/>) taken over late starts when it is
/// applied and runs its full duration — delayed, never shortened.
/// </summary>
/// <remarks>
/// Thread-safe: the pin actor starts and cancels, the clock's timer thread ends waveforms and
/// steps fades, under one lock; ends reach the listener outside it, in the order they happened. The channel is attached only while the pin holds it (a channel
/// can be shared by two GPIOs, one at a time).
/// </remarks>
internal sealed class HardwarePwmOutput : IDisposable
{
    /// <summary>The shortest interval between two duty writes of a fade (a fade step of 0 means every PWM period, which sysfs cannot keep up with at high frequencies).</summary>
    private const long MinFadeStepNanoseconds = 1_000_000;

    /// <summary>The longest the timer wakes ahead of an end or hand-over on the real clock (and so the longest it spins).</summary>
    private const long MaxLeadNanoseconds = 3_000_000;

    /// <summary>The shortest lead: a margin over the measured lateness.</summary>
    private const long MinLeadNanoseconds = 100_000;

    /// <summary>Completions one call can produce at most (the outbox's initial size).</summary>
    private const int MaxCompletions = 8;

    /// <summary>
    /// How late a queued waveform may take over and keep its planned start (10 ms). The edge
    /// scheduler's 1 ms (<see cref="EdgeScheduler.HandOverTolerance"/>) is far above its spinning
    /// threads' jitter; this channel runs on a .NET timer that is routinely a millisecond or two
    /// late, and with 1 ms every hand-over of a long queue would be moved and the queue would drift.
    /// 10 ms keeps the grid through ordinary timer lateness and moves only after a real stall.
    /// </summary>
    private const long HandOverToleranceNanoseconds = 10_000_000;

    /// <summary>Guards everything below.</summary>
    private readonly Lock _gate = new();

    /// <summary>The clock of every timestamp.</summary>
    private readonly TimeProvider _clock;

    /// <summary>Ends on their way to the listener, in the order they happened (the timer thread and the pin actor both end waveforms); guarded by <see cref="_gate"/>.</summary>
    private readonly WaveformEndOutbox _outbox;

    /// <summary>Fires at the next end, hand-over or fade step (created once; re-armed, never re-created).</summary>
    private readonly ITimer _timer;

    /// <summary>The channel while this GPIO holds it.</summary>
    private SysfsPwmChannel? _pwm;

    /// <summary>The running waveform (valid while <see cref="_active"/>).</summary>
    private Waveform _current;

    /// <summary>The running waveform's token.</summary>
    private long _currentToken;

    /// <summary>Whether a waveform runs.</summary>
    private bool _active;

    /// <summary>The waveform waiting for its start (valid while <see cref="_hasPending"/>).</summary>
    private Waveform _pending;

    /// <summary>The waiting waveform's token.</summary>
    private long _pendingToken;

    /// <summary>Whether a waveform waits for its start.</summary>
    private bool _hasPending;

    /// <summary>Whether the waiting waveform is a queued one (<see cref="StartQueued"/>), moved when it takes over late.</summary>
    private bool _pendingMovable;

    /// <summary>When a running fade next changes its duty; <see cref="long.MaxValue"/> when not fading.</summary>
    private long _nextStep = long.MaxValue;

    /// <summary>When the channel was last enabled: the phase origin of the modelled level.</summary>
    private long _enabledAt;

    /// <summary>The instant the timer is armed for; <see cref="long.MaxValue"/> when disarmed.</summary>
    private long _armedFor = long.MaxValue;

    /// <summary>True when the timer was armed early for an end or hand-over, to spin up to <see cref="_armedFor"/>.</summary>
    private bool _armedEarly;

    /// <summary>The most the timer is armed ahead of an end or hand-over (0 on a virtual clock, whose timers are exact).</summary>
    private readonly long _maxLead;

    /// <summary>How far ahead of an end the timer is armed now: twice the timers' recent lateness plus a margin, at most <see cref="_maxLead"/>.</summary>
    private long _lead;

    /// <summary>The timers' recent lateness, a moving average in nanoseconds.</summary>
    private long _lateness;

    /// <summary>Creates the output of <paramref name="gpio"/>.</summary>
    /// <param name="gpio">The GPIO.</param>
    /// <param name="channel">Its channel number on the pwmchip.</param>
    /// <param name="function">The pinctrl function routing the channel to the pin.</param>
    /// <param name="clock">The host's clock.</param>
    /// <param name="listener">Receives endings (the pin actors' router).</param>
    public HardwarePwmOutput(int gpio, int channel, string function, TimeProvider clock, IWaveformListener listener)
    {
        Gpio = gpio;
        Channel = channel;
        Function = function;
        _clock = clock;
        _outbox = new WaveformEndOutbox(listener, MaxCompletions);
        _timer = clock.CreateTimer(static state => ((HardwarePwmOutput)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        // The system clock's timers fire up to a millisecond or more late (thread-pool wake-up); a
        // timed value's end is made exact by waking early and spinning the rest, as the edge scheduler does.
        _maxLead = ReferenceEquals(clock, TimeProvider.System) ? MaxLeadNanoseconds : 0;
        _lead = _maxLead / 2;
    }

    /// <summary>The GPIO.</summary>
    public int Gpio { get; }

    /// <summary>The channel number on the pwmchip.</summary>
    public int Channel { get; }

    /// <summary>The pinctrl function that routes the channel to the pin (<c>alt0</c>, <c>alt5</c>, <c>pwm0</c>).</summary>
    public string Function { get; }

    /// <summary>Why this GPIO no longer uses its channel (a failure that will not go away); null while usable.</summary>
    public string? DisabledBecause { get; set; }

    /// <summary>The last sysfs failure met on the timer thread (the waveform was reported faulted).</summary>
    public Exception? LastFault { get; private set; }

    /// <summary>The clock now, in nanoseconds (the scheduler's time base).</summary>
    private long Now => ClockTime.NowNanoseconds(_clock);

    /// <summary>Takes the channel (this GPIO now holds it).</summary>
    /// <param name="pwm">The opened channel.</param>
    public void Attach(SysfsPwmChannel pwm)
    {
        lock (_gate)
        {
            _pwm = pwm;
        }
    }

    /// <summary>Lets go of the channel (after <see cref="Cancel"/>).</summary>
    public void Detach()
    {
        lock (_gate)
        {
            _pwm = null;
        }
    }

    /// <summary>
    /// Gives the channel its next waveform with its own timestamps: applied now when its start is
    /// not in the future (what ran is reported interrupted, what waited superseded), otherwise taken
    /// over exactly at its start, however late the timer fires. Pwm sets frequency and duty, Square
    /// (servo) period = high + low and duty = high, Fade the frequency and the duty of the current
    /// fade step. For an energised stretch that must not outlast its max-on-time deadline.
    /// </summary>
    /// <param name="waveform">A validated Pwm, Square or Fade waveform.</param>
    /// <param name="token">Handed back with its ending.</param>
    /// <returns>The waveform's start, as given.</returns>
    /// <exception cref="GpioException">Writing the channel failed; nothing changed but what was already due.</exception>
    public long Start(in Waveform waveform, long token) => StartCore(waveform, token, StartMode.AtStart);

    /// <summary>
    /// As <see cref="Start"/>, but the waveform starts at the instant it is applied (its timestamps
    /// move, keeping every duration, to the clock's reading taken under the lock right before the
    /// writes), as <see cref="EdgeScheduler.StartNow"/> does on a line: a fresh command handed over
    /// late is delayed, never shortened.
    /// </summary>
    /// <param name="waveform">A validated Pwm, Square or Fade waveform; its start only sets the origin of its other timestamps.</param>
    /// <param name="token">Handed back with its ending.</param>
    /// <returns>The start it got.</returns>
    /// <exception cref="GpioException">Writing the channel failed, or the moved waveform is invalid; nothing changed but what was already due.</exception>
    public long StartNow(in Waveform waveform, long token) => StartCore(waveform, token, StartMode.Now);

    /// <summary>
    /// As <see cref="Start"/> for a waveform queued behind the running one (planned from its end), with
    /// <see cref="EdgeScheduler.StartQueued"/>'s lateness rule: taken over (by this call or by the
    /// timer) within 10 ms of its start (this channel's timer is coarser than a timing thread) and by less than half
    /// its duration, it keeps its planned start and the two join exactly; later, it is moved to the
    /// instant it is applied and keeps its full duration, and the running waveform that was to end at
    /// the planned start completes at that same instant (so the listener learns the moved start).
    /// </summary>
    /// <param name="waveform">A validated Pwm, Square or Fade waveform.</param>
    /// <param name="token">Handed back with its ending.</param>
    /// <returns>The start it got when it took over during this call; otherwise its planned start, which a late timer may still move (reported as above).</returns>
    /// <exception cref="GpioException">Writing the channel failed; nothing changed but what was already due.</exception>
    public long StartQueued(in Waveform waveform, long token) => StartCore(waveform, token, StartMode.Queued);

    /// <summary>Gives the channel its next waveform, its start as <paramref name="mode"/> says; returns the start it got.</summary>
    private long StartCore(in Waveform waveform, long token, StartMode mode)
    {
        var deliver = false;
        try
        {
            lock (_gate)
            {
                try
                {
                    var pwm = _pwm ?? throw new InvalidOperationException($"GPIO {Gpio} does not hold its PWM channel");
                    var now = Now;
                    var next = mode switch
                    {
                        StartMode.Now => waveform.WithStart(now),
                        StartMode.Queued => MovedIfLate(waveform, now),
                        _ => waveform,
                    };
                    var takesOverNow = next.StartNanoseconds <= now;
                    ProcessDue(now, takesOverNow);
                    if (takesOverNow)
                    {
                        Apply(pwm, next, now);
                        if (_hasPending)
                        {
                            Add(_pendingToken, now, WaveformEndReason.Superseded);
                            _hasPending = false;
                        }

                        if (_active)
                        {
                            Add(_currentToken, now, WaveformEndReason.Interrupted);
                        }

                        MakeCurrent(next, token, now);
                        ProcessDue(now);
                    }
                    else
                    {
                        if (_hasPending)
                        {
                            Add(_pendingToken, now, WaveformEndReason.Superseded);
                        }

                        _pending = next;
                        _pendingToken = token;
                        _pendingMovable = mode == StartMode.Queued;
                        _hasPending = true;
                    }

                    Arm(now);
                    return next.StartNanoseconds;
                }
                finally
                {
                    deliver = _outbox.TryBeginDelivery();
                }
            }
        }
        finally
        {
            Deliver(deliver);
        }
    }

    /// <summary>Stops whatever runs or waits and disables the channel (the pin rests low).</summary>
    /// <returns>The cut instant.</returns>
    /// <exception cref="GpioException">Disabling failed (the endings are reported all the same).</exception>
    public long Cancel()
    {
        var deliver = false;
        try
        {
            lock (_gate)
            {
                try
                {
                    var now = Now;
                    ProcessDue(now);
                    EndAll(now, WaveformEndReason.Interrupted, WaveformEndReason.Superseded);
                    Arm(now);
                    _pwm?.Stop();
                    return now;
                }
                finally
                {
                    deliver = _outbox.TryBeginDelivery();
                }
            }
        }
        finally
        {
            Deliver(deliver);
        }
    }

    /// <summary>
    /// The level the channel drives at <paramref name="now"/>, modelled from its period and duty
    /// with the enable instant as phase origin (the PWM block keeps its own phase, which sysfs
    /// does not expose); low when disabled.
    /// </summary>
    /// <param name="now">The clock now.</param>
    /// <returns>True for high.</returns>
    public bool LevelAt(long now)
    {
        lock (_gate)
        {
            if (_pwm is not { IsRunning: true, PeriodNanoseconds: > 0 } pwm)
            {
                return false;
            }

            return (now - _enabledAt) % pwm.PeriodNanoseconds < pwm.DutyCycleNanoseconds;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _timer.Dispose();

    /// <summary>Queues a waveform's end for the listener; the caller holds <see cref="_gate"/>.</summary>
    private void Add(long token, long endNanoseconds, WaveformEndReason reason) => _outbox.Add(Gpio, token, endNanoseconds, reason);

    /// <summary>Reports the queued ends, in order, when this thread became the deliverer (outside <see cref="_gate"/>).</summary>
    private void Deliver(bool deliver)
    {
        if (deliver)
        {
            _outbox.Deliver(_gate);
        }
    }

    /// <summary>A PWM waveform's period, at least 1 ns.</summary>
    private static long PeriodOf(in Waveform waveform) => Math.Max(1, (long)Math.Round(ClockTime.NanosecondsPerSecond / waveform.FrequencyHz));

    /// <summary>A fade's step: its own, or one PWM period, but never below <see cref="MinFadeStepNanoseconds"/>.</summary>
    private static long StepOf(in Waveform fade) =>
        Math.Max(fade.FadeStepNanoseconds > 0 ? fade.FadeStepNanoseconds : PeriodOf(fade), MinFadeStepNanoseconds);

    /// <summary>A fade's duty during the step that holds <paramref name="at"/> (the software PWM's formula: ramps up over fade-in, down over fade-out, repeatedly).</summary>
    private static double FadeDuty(in Waveform fade, long at)
    {
        var t = Math.Max(0, at - fade.StartNanoseconds);
        t -= t % StepOf(fade);
        t %= fade.FadeInNanoseconds + fade.FadeOutNanoseconds;
        return t < fade.FadeInNanoseconds
            ? (double)t / fade.FadeInNanoseconds
            : 1.0 - ((double)(t - fade.FadeInNanoseconds) / fade.FadeOutNanoseconds);
    }

    /// <summary>Writes the waveform's period and duty as of <paramref name="at"/>, and enables the channel.</summary>
    private void Apply(SysfsPwmChannel pwm, in Waveform waveform, long at)
    {
        long period;
        long duty;
        switch (waveform.Kind)
        {
            case WaveformKind.Pwm:
                period = PeriodOf(waveform);
                duty = (long)Math.Round(waveform.DutyCycle * period);
                break;
            case WaveformKind.Fade:
                period = PeriodOf(waveform);
                duty = (long)Math.Round(FadeDuty(waveform, at) * period);
                break;
            case WaveformKind.Square:
                period = waveform.HighNanoseconds + waveform.LowNanoseconds;
                duty = waveform.HighNanoseconds;
                break;
            default:
                throw new GpioInvalidArgumentException($"GPIO {Gpio}: a {waveform.Kind} waveform is not a PWM signal; levels are driven through the GPIO line");
        }

        pwm.Configure(period, duty);
        if (!pwm.IsRunning)
        {
            pwm.Start();
            _enabledAt = at;
        }
    }

    /// <summary>Makes <paramref name="waveform"/> the running one and plans its first fade step.</summary>
    private void MakeCurrent(in Waveform waveform, long token, long now)
    {
        _current = waveform;
        _currentToken = token;
        _active = true;
        _nextStep = waveform.Kind == WaveformKind.Fade ? NextStepAfter(waveform, now) : long.MaxValue;
    }

    /// <summary>The first fade step boundary strictly after <paramref name="now"/>.</summary>
    private static long NextStepAfter(in Waveform fade, long now)
    {
        var step = StepOf(fade);
        var elapsed = Math.Max(0, now - fade.StartNanoseconds);
        return fade.StartNanoseconds + (((elapsed / step) + 1) * step);
    }

    /// <summary>
    /// A queued waveform taken over at <paramref name="now"/>: as planned when on time (see
    /// <see cref="Waveform.IsLateHandOver"/>, with this channel's 10 ms tolerance), else moved to start at <paramref name="now"/> with its full duration;
    /// the running waveform that was to end at the planned start then ends at <paramref name="now"/> too.
    /// </summary>
    /// <exception cref="GpioInvalidArgumentException">The moved waveform would be invalid (an end past the clock's range); nothing changed.</exception>
    private Waveform MovedIfLate(in Waveform queued, long now)
    {
        if (!queued.IsLateHandOver(now, HandOverToleranceNanoseconds))
        {
            return queued;
        }

        var moved = queued.WithStart(now);
        if (_active && _current.EndNanoseconds == queued.StartNanoseconds)
        {
            _current = _current with { EndNanoseconds = now };
        }

        return moved;
    }

    /// <summary>Runs what is due at <paramref name="now"/>: ends, hand-overs, a fade step. A write failure ends the waveforms as faulted.</summary>
    /// <param name="now">The clock now.</param>
    /// <param name="successorNow">A waveform the caller applies at <paramref name="now"/> follows: an end due by then leaves its final level unwritten (no disable and re-enable in between).</param>
    private void ProcessDue(long now, bool successorNow = false)
    {
        if (_pwm is not { } pwm)
        {
            return;
        }

        try
        {
            if (_hasPending && _pendingMovable)
            {
                _pending = MovedIfLate(_pending, now);
            }

            while (true)
            {
                var end = _active ? _current.EndNanoseconds : long.MaxValue;
                var handOver = _hasPending ? _pending.StartNanoseconds : long.MaxValue;
                if (Math.Min(end, handOver) > now)
                {
                    break;
                }

                if (end <= handOver)
                {
                    Add(_currentToken, end, WaveformEndReason.Completed);
                    _active = false;
                    _nextStep = long.MaxValue;
                    if (handOver > now && !successorNow)
                    {
                        // No successor takes over at this instant: the pin rests at the final level.
                        ApplyFinalLevel(pwm, _current.FinalLevel);
                    }

                    continue;
                }

                Apply(pwm, _pending, handOver);
                if (_active)
                {
                    Add(_currentToken, handOver, WaveformEndReason.Interrupted);
                }

                _hasPending = false;
                MakeCurrent(_pending, _pendingToken, handOver);
            }

            if (_active && _nextStep <= now)
            {
                // A late timer writes the duty of the step it woke in, not the ones it missed.
                _nextStep = NextStepAfter(_current, now);
                pwm.Configure(pwm.PeriodNanoseconds, (long)Math.Round(FadeDuty(_current, now) * pwm.PeriodNanoseconds));
            }
        }
        catch (GpioException e)
        {
            Fault(pwm, e, now);
        }
    }

    /// <summary>A waveform's end: disabled (rests low), or 100 % duty for a high final level.</summary>
    private static void ApplyFinalLevel(SysfsPwmChannel pwm, PinValue level)
    {
        if (level.IsHigh)
        {
            pwm.Configure(pwm.PeriodNanoseconds, pwm.PeriodNanoseconds);
        }
        else
        {
            pwm.Stop();
        }
    }

    /// <summary>A write failed: the waveforms end as faulted, the channel is disabled if it still can be.</summary>
    private void Fault(SysfsPwmChannel pwm, GpioException error, long now)
    {
        LastFault = error;
        EndAll(now, WaveformEndReason.Faulted, WaveformEndReason.Faulted);
        try
        {
            pwm.Stop();
        }
        catch (GpioException)
        {
            // Already failing: the actor's fault handling puts the pin back on its GPIO line.
        }
    }

    /// <summary>Ends the running waveform and the waiting one at <paramref name="now"/>, each with its reason.</summary>
    private void EndAll(long now, WaveformEndReason running, WaveformEndReason waiting)
    {
        if (_active)
        {
            Add(_currentToken, now, running);
        }

        if (_hasPending)
        {
            Add(_pendingToken, now, waiting);
        }

        _active = false;
        _hasPending = false;
        _nextStep = long.MaxValue;
    }

    /// <summary>
    /// Points the timer at the next end, hand-over or fade step (rounded up: never early); an end or
    /// hand-over on the real clock is armed <see cref="_lead"/> early, and the callback spins the rest.
    /// </summary>
    private void Arm(long now)
    {
        var edge = Math.Min(_active ? _current.EndNanoseconds : long.MaxValue, _hasPending ? _pending.StartNanoseconds : long.MaxValue);
        var due = Math.Min(_nextStep, edge);
        if (due == _armedFor)
        {
            return;
        }

        _armedFor = due;
        _armedEarly = _maxLead > 0 && due == edge && due != long.MaxValue;
        var fire = _armedEarly ? due - _lead : due;
        _timer.Change(due == long.MaxValue ? Timeout.InfiniteTimeSpan : ClockTime.ToTimeSpanCeiling(Math.Max(0, fire - now)), Timeout.InfiniteTimeSpan);
    }

    /// <summary>The timer fired: spin to an end armed early, run what is due, re-arm, report.</summary>
    private void OnTimer()
    {
        long target;
        bool early;
        lock (_gate)
        {
            (target, early) = (_armedFor, _armedEarly);
        }

        if (early)
        {
            SpinUntil(target);
        }

        bool deliver;
        lock (_gate)
        {
            var now = Now;
            ProcessDue(now);
            _armedFor = long.MaxValue;
            Arm(now);
            deliver = _outbox.TryBeginDelivery();
        }

        Deliver(deliver);
    }

    /// <summary>Where a started waveform's start comes from.</summary>
    private enum StartMode
    {
        /// <summary>Its own timestamps (<see cref="Start"/>).</summary>
        AtStart,

        /// <summary>Moved to the instant it is applied (<see cref="StartNow"/>).</summary>
        Now,

        /// <summary>Its own timestamps unless taken over late, then moved to the instant it is applied (<see cref="StartQueued"/>).</summary>
        Queued,
    }

    /// <summary>Learns how late the timer woke for an early-armed <paramref name="target"/>, then spins until it.</summary>
    private void SpinUntil(long target)
    {
        var late = Math.Max(0, Now - (target - Volatile.Read(ref _lead)));
        var average = Volatile.Read(ref _lateness);
        average += (late - average) / 8;
        Volatile.Write(ref _lateness, average);
        Volatile.Write(ref _lead, Math.Clamp((2 * average) + MinLeadNanoseconds, MinLeadNanoseconds, _maxLead));
        while (Now < target)
        {
            Thread.SpinWait(20);
        }
    }
}
