using System.Runtime.InteropServices;
using RemoteIo.Actors.Gpio.Interop;

namespace RemoteIo.Actors.Gpio.Timing;

/// <summary>
/// The scheduler on the real clock: <see cref="EdgeSchedulerOptions.ThreadCount"/> dedicated
/// threads, each running the lines <c>line % threads</c> of its lane. A thread sleeps until shortly
/// before its next due edge, spins on the clock to the exact instant, then writes every edge due by
/// then in one multi-line write. It spins only as long as its own measured wake-up latency needs
/// (at most the configured spin window), so a punctual thread — idle machine, real-time priority —
/// sleeps most of the time instead of burning a core (and, at SCHED_FIFO, running into the
/// kernel's real-time throttling).
/// </summary>
internal sealed class ThreadedEdgeScheduler : EdgeScheduler
{
    /// <summary>The lanes, one per thread.</summary>
    private readonly EdgeLane[] _lanes;

    /// <summary>The threads, by lane index.</summary>
    private readonly Worker[] _workers;

    /// <summary>Creates the lanes and starts their threads.</summary>
    /// <param name="controller">The controller.</param>
    /// <param name="clock">The system clock.</param>
    /// <param name="options">The settings.</param>
    /// <param name="listener">The end listener.</param>
    /// <param name="log">Notices.</param>
    public ThreadedEdgeScheduler(GpioController controller, TimeProvider clock, EdgeSchedulerOptions options, IWaveformListener? listener, Action<string>? log)
        : base(controller, clock, options, listener, log)
    {
        _lanes = new EdgeLane[options.ThreadCount];
        _workers = new Worker[options.ThreadCount];
        for (var i = 0; i < _lanes.Length; i++)
        {
            _lanes[i] = new EdgeLane(controller.Driver, clock, controller.PinCount, listener, log);
            _workers[i] = new Worker(this, _lanes[i], i);
        }

        foreach (var worker in _workers)
        {
            worker.Start();
        }
    }

    /// <inheritdoc />
    public override bool UsesDedicatedThreads => true;

    /// <summary>Time the timing threads have spent spinning before edges so far, in nanoseconds (the CPU the exactness costs).</summary>
    internal long SpunNanoseconds
    {
        get
        {
            long total = 0;
            foreach (var worker in _workers)
            {
                total += worker.SpunNanoseconds;
            }

            return total;
        }
    }

    /// <inheritdoc />
    public override Exception? LastFault
    {
        get
        {
            foreach (var lane in _lanes)
            {
                lock (lane.Gate)
                {
                    if (lane.LastFault is { } fault)
                    {
                        return fault;
                    }
                }
            }

            return null;
        }
    }

    /// <inheritdoc />
    private protected override IReadOnlyList<EdgeLane> Lanes => _lanes;

    /// <inheritdoc />
    private protected override EdgeLane LaneFor(int line) => _lanes[line % _lanes.Length];

    /// <inheritdoc />
    private protected override void OnLaneChanged(EdgeLane lane)
    {
        for (var i = 0; i < _lanes.Length; i++)
        {
            if (ReferenceEquals(_lanes[i], lane))
            {
                _workers[i].OnLaneChanged();
                return;
            }
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var worker in _workers)
            {
                worker.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    /// <summary>One timing thread and its lane.</summary>
    private sealed class Worker : IDisposable
    {
        /// <summary>An edge due this soon goes before the reports of ends already written (100 µs).</summary>
        private const long ReportDeferralNanoseconds = 100_000;

        /// <summary>The longest ends wait for imminent edges before they are reported anyway (250 µs).</summary>
        private const long MaxReportDelayNanoseconds = 250_000;

        /// <summary>
        /// The longest spin beyond the budget (200 µs, the window before budgets existed): a loaded
        /// machine's wake-ups can be late by milliseconds, and spinning that long before every edge
        /// would only load it further.
        /// </summary>
        private const long LearnedSpinCapNanoseconds = 200_000;

        /// <summary>The scheduler (for the clock, the options and reporting).</summary>
        private readonly ThreadedEdgeScheduler _owner;

        /// <summary>The lines this thread runs.</summary>
        private readonly EdgeLane _lane;

        /// <summary>Sleeps the thread until a deadline or a signal.</summary>
        private readonly ThreadWaiter _waiter = ThreadWaiter.Create();

        /// <summary>The thread.</summary>
        private readonly Thread _thread;

        /// <summary>How long the thread spins before an edge, learnt from how late its sleeps wake.</summary>
        private readonly WakeLatencyEstimator _latency;

        /// <summary>The share of a core this thread may spend spinning whole windows.</summary>
        private readonly SpinBudget _budget;

        /// <summary>The configured spin window in nanoseconds.</summary>
        private readonly long _window;

        /// <summary>When the thread first left ended waveforms unreported for an imminent edge (0: none left).</summary>
        private long _deferredSince;

        /// <summary>Backing field of <see cref="SpunNanoseconds"/> (written by this thread only).</summary>
        private long _spun;

        /// <summary>When this thread's previous edge was due (<see cref="long.MinValue"/>: none yet); the gap to the next decides whether it may spin the whole window.</summary>
        private long _previousEdge = long.MinValue;

        /// <summary>The due time the thread is heading for; guarded by the lane's lock.</summary>
        private long _target = long.MaxValue;

        /// <summary>1 when the lane got an earlier edge while the thread was spinning or sleeping.</summary>
        private int _changed;

        /// <summary>1 once stopping.</summary>
        private int _stopping;

        /// <summary>Creates the thread (not started).</summary>
        public Worker(ThreadedEdgeScheduler owner, EdgeLane lane, int index)
        {
            _owner = owner;
            _lane = lane;
            _window = ClockTime.ToNanoseconds(owner.Options.SpinWindow);
            _latency = new WakeLatencyEstimator(Math.Min(_window, LearnedSpinCapNanoseconds));
            _budget = new SpinBudget(owner.Options.SpinBudget, _window);
            _thread = new Thread(Run)
            {
                IsBackground = true,
                Name = $"remoteio-timing-{index}",
            };
        }

        /// <summary>Starts the thread.</summary>
        public void Start()
        {
            try
            {
                _thread.Priority = _owner.Options.ThreadPriority;
            }
            catch (Exception ex) when (ex is PlatformNotSupportedException or ThreadStateException)
            {
                _owner.Log?.Invoke($"timing thread priority {_owner.Options.ThreadPriority} not applied: {ex.Message}");
            }

            _thread.Start();
        }

        /// <summary>Called under the lane's lock after a change: wakes the thread if it now has an earlier edge.</summary>
        public void OnLaneChanged()
        {
            var due = _lane.NextDue;
            if (due < _target)
            {
                _target = due;
                Volatile.Write(ref _changed, 1);
                _waiter.Signal();
            }
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Volatile.Write(ref _stopping, 1);
            _waiter.Signal();
            if (_thread.IsAlive)
            {
                _thread.Join();
            }

            _waiter.Dispose();
        }

        /// <summary>Time this thread has spent spinning before edges, in nanoseconds.</summary>
        public long SpunNanoseconds => Volatile.Read(ref _spun);

        /// <summary>The thread: sleep, spin, write, report (in order with the lane's other ends) — allocation-free.</summary>
        private void Run()
        {
            ConfigureThread();
            var clock = _owner.Clock;
            while (Volatile.Read(ref _stopping) == 0)
            {
                long due;
                lock (_lane.Gate)
                {
                    due = _lane.NextDue;
                    _target = due;
                    Volatile.Write(ref _changed, 0);
                }

                var now = ClockTime.NowNanoseconds(clock);
                if (_deferredSince != 0 && due - now > ReportDeferralNanoseconds)
                {
                    DeliverEnds(now, due);
                    continue;
                }

                if (due == long.MaxValue)
                {
                    _waiter.Wait(-1);
                    continue;
                }

                var gap = _previousEdge == long.MinValue ? long.MaxValue : due - _previousEdge;
                var spin = _budget.AffordsFullWindow(now, gap) ? _window : _latency.SpinNanoseconds;
                if (due - now > spin)
                {
                    var wake = due - spin;
                    _waiter.Wait(wake - now);
                    _latency.Learn(ClockTime.NowNanoseconds(clock) - wake);
                    continue;
                }

                var spinStart = now;
                while (now < due && Volatile.Read(ref _changed) == 0)
                {
                    Thread.SpinWait(8);
                    now = ClockTime.NowNanoseconds(clock);
                }

                _budget.Spend(now - spinStart);
                Volatile.Write(ref _spun, _spun + (now - spinStart));
                if (now < due)
                {
                    continue;
                }

                bool deliver;
                _previousEdge = due;
                lock (_lane.Gate)
                {
                    _lane.ProcessDue(now);
                    deliver = BeginDeliveryUnlessImminent(now, _lane.NextDue);
                }

                _latency.Decay();
                if (deliver)
                {
                    _lane.Outbox.Deliver(_lane.Gate);
                }
            }
        }

        /// <summary>Reports the ends left unreported, unless an edge is still imminent (see <see cref="BeginDeliveryUnlessImminent"/>).</summary>
        /// <param name="now">The clock now.</param>
        /// <param name="next">The lane's next due time.</param>
        private void DeliverEnds(long now, long next)
        {
            bool deliver;
            lock (_lane.Gate)
            {
                deliver = BeginDeliveryUnlessImminent(now, next);
            }

            if (deliver)
            {
                _lane.Outbox.Deliver(_lane.Gate);
            }
        }

        /// <summary>
        /// Under the lane's lock: whether this thread should report the lane's ended waveforms now
        /// (true: it became the deliverer and must call <see cref="WaveformEndOutbox.Deliver"/> after
        /// releasing the lock). Not while the next edge is imminent: telling a pin actor wakes a thread
        /// (a system call that can take tens of µs on a VM), and lines that end together (several
        /// impulses started at once) would each pay for the reports before them. Reports wait at most
        /// <see cref="MaxReportDelayNanoseconds"/> for that.
        /// </summary>
        /// <param name="now">The clock now.</param>
        /// <param name="next">The lane's next due time.</param>
        /// <returns>True when the caller must deliver.</returns>
        private bool BeginDeliveryUnlessImminent(long now, long next)
        {
            if (_lane.Outbox.Count == 0)
            {
                _deferredSince = 0;
                return false;
            }

            if (next - now <= ReportDeferralNanoseconds && (_deferredSince == 0 || now - _deferredSince < MaxReportDelayNanoseconds))
            {
                if (_deferredSince == 0)
                {
                    _deferredSince = now;
                }

                return false;
            }

            _deferredSince = 0;
            return _lane.Outbox.TryBeginDelivery();
        }

        /// <summary>The nice value standing for a .NET thread priority (Highest is -10: ahead of normal work, short of starving it).</summary>
        private static int NiceFor(ThreadPriority priority) => priority switch
        {
            ThreadPriority.Highest => -10,
            ThreadPriority.AboveNormal => -5,
            ThreadPriority.BelowNormal => 5,
            ThreadPriority.Lowest => 10,
            _ => 0,
        };

        /// <summary>Asks Linux for 1 ns timer slack (default 50 µs), a nice value for the thread priority and, if configured, a real-time priority.</summary>
        private unsafe void ConfigureThread()
        {
            if (!OperatingSystem.IsLinux())
            {
                return;
            }

            _ = Libc.Prctl(Libc.PrSetTimerSlack, 1, 0, 0, 0);

            // .NET's ThreadPriority does nothing under Linux's normal scheduler; the thread's nice value does.
            var nice = NiceFor(_owner.Options.ThreadPriority);
            if (nice != 0 && Libc.SetPriority(Libc.PrioProcess, (uint)Libc.GetTid(), nice) != 0)
            {
                _owner.Log?.Invoke($"timing thread {_thread.Name}: nice {nice} for thread-priority {_owner.Options.ThreadPriority} refused (errno {Marshal.GetLastPInvokeError()}; raising needs root or CAP_SYS_NICE)");
            }

            var priority = _owner.Options.RealtimePriority;
            if (priority > 0)
            {
                var parameter = new SchedParam { Priority = priority };
                if (Libc.SchedSetScheduler(0, Libc.SchedFifo, &parameter) != 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    _owner.Log?.Invoke($"timing thread {_thread.Name}: SCHED_FIFO priority {priority} refused (errno {errno}; needs root or CAP_SYS_NICE); running at normal priority");
                }
            }
        }
    }
}
