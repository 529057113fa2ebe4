using System.Collections.Concurrent;

namespace RemoteIo.Actors.Kernel.Dispatch;

/// <summary>
/// A dispatcher with its own threads (Akka's <c>ForkJoinDispatcher</c> with a
/// <c>dedicated-thread-pool</c>): its actors keep running when the .NET thread pool is saturated,
/// which is what timing-critical actors need. Scheduling allocates nothing: a shared queue of
/// mailboxes, and a monitor pulse only when a thread sleeps. A thread delivering from outside the
/// system may run the work it hands to an idle dispatcher itself (<see cref="CallerRuns"/>).
/// </summary>
internal sealed class DedicatedThreadDispatcher : MessageDispatcher
{
    /// <summary>Mailboxes waiting for a thread.</summary>
    private readonly ConcurrentQueue<IThreadPoolWorkItem> _queue = new();

    /// <summary>Idle threads wait on this monitor; work arriving pulses it.</summary>
    private readonly object _sleep = new();

    /// <summary>The dedicated threads.</summary>
    private readonly Thread[] _threads;

    /// <summary>Threads about to wait or waiting on <see cref="_sleep"/> (announced before they look at the queue a last time).</summary>
    private int _idle;

    /// <summary>
    /// Threads waiting on <see cref="_sleep"/> that no one has pulsed yet (changed only under it): such
    /// a thread looks at the queue again only when pulsed.
    /// </summary>
    private int _asleep;

    /// <summary>Set by <see cref="Shutdown"/>; the threads exit when they see it.</summary>
    private volatile bool _stopping;

    /// <summary>The dispatcher whose thread this is, or whose work this thread runs for it (null otherwise).</summary>
    [ThreadStatic]
    private static DedicatedThreadDispatcher? t_worker;

    /// <summary>Starts <see cref="DispatcherSettings.ThreadCount"/> background threads named after the dispatcher.</summary>
    /// <param name="settings">The dispatcher's settings.</param>
    /// <param name="systemName">The actor system's name, for thread names.</param>
    public DedicatedThreadDispatcher(DispatcherSettings settings, string systemName)
        : base(settings)
    {
        _threads = new Thread[settings.ThreadCount];
        for (var i = 0; i < _threads.Length; i++)
        {
            _threads[i] = new Thread(Work)
            {
                IsBackground = true,
                Name = $"{systemName}-{settings.Id}-{i + 1}",
                Priority = settings.ThreadPriority,
            };
            _threads[i].Start();
        }
    }

    /// <summary>Threads asleep and not yet woken (tests wait until all of them are).</summary>
    internal int SleepingThreads => Volatile.Read(ref _asleep);

    /// <summary>The number of dedicated threads.</summary>
    internal int ThreadCount => _threads.Length;

    /// <inheritdoc />
    internal override void Execute(IThreadPoolWorkItem work)
    {
        // One of our own threads handing work on (an actor telling another actor of this
        // dispatcher) into an empty queue: that thread takes it as soon as its current mailbox run
        // ends, within microseconds for short turns, so waking a sleeping thread for it would only
        // add a wake-up (about 10 µs on a VM) to the hand-over. A second item is a backlog: wake.
        var handOver = t_worker == this && _queue.IsEmpty;

        // A thread outside the system that offered to run what it delivers (CallerRuns) takes the
        // work of a dispatcher whose threads all sleep; one with a thread awake keeps its work.
        handOver = handOver || (t_worker is null && !_stopping && _queue.IsEmpty && Volatile.Read(ref _asleep) == _threads.Length && CallerRuns.TryTakeOn(this));
        _queue.Enqueue(work);
        if (!handOver)
        {
            WakeOne();
        }
    }

    /// <summary>
    /// Runs queued work on the calling thread (which took it on through <see cref="CallerRuns"/>) as
    /// if it were one of the dispatcher's threads, for at most <paramref name="maxRuns"/> mailbox
    /// turns, then wakes a thread for anything left.
    /// </summary>
    /// <param name="maxRuns">Mailbox turns to run at most.</param>
    internal void RunOnCaller(int maxRuns)
    {
        t_worker = this;
        try
        {
            for (var runs = 0; runs < maxRuns && _queue.TryDequeue(out var work); runs++)
            {
                work.Execute();
            }
        }
        finally
        {
            t_worker = null;
        }

        if (!_queue.IsEmpty)
        {
            WakeOne();
        }
    }

    /// <inheritdoc />
    internal override void Shutdown()
    {
        _stopping = true;
        lock (_sleep)
        {
            _asleep = 0;
            Monitor.PulseAll(_sleep);
        }

        foreach (var thread in _threads)
        {
            if (thread != Thread.CurrentThread)
            {
                thread.Join(TimeSpan.FromSeconds(5));
            }
        }
    }

    /// <summary>Wakes one sleeping thread, if any.</summary>
    private void WakeOne()
    {
        // The enqueue before this call is a full fence, and so is a thread's announcing itself idle
        // before it looks at the queue a last time: either it sees the item or it is counted here.
        if (Volatile.Read(ref _idle) == 0)
        {
            return;
        }

        lock (_sleep)
        {
            // A thread announced but not yet waiting will look at the queue under this lock after us.
            if (_asleep > 0)
            {
                _asleep--;
                Monitor.Pulse(_sleep);
            }
        }
    }

    /// <summary>A dedicated thread's loop: run queued mailboxes, sleep when there are none.</summary>
    private void Work()
    {
        t_worker = this;
        while (!_stopping)
        {
            if (_queue.TryDequeue(out var work))
            {
                work.Execute();
                continue;
            }

            Interlocked.Increment(ref _idle);
            lock (_sleep)
            {
                if (_queue.IsEmpty && !_stopping)
                {
                    // The waker takes this thread off the count when it pulses, so the count never
                    // includes a thread that is already on its way back to the queue.
                    _asleep++;
                    Monitor.Wait(_sleep);
                }
            }

            Interlocked.Decrement(ref _idle);
        }
    }
}
