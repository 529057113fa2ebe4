using System.Collections.Concurrent;

namespace RemoteIo.Actors.Kernel.Dispatch;

/// <summary>
/// A dispatcher with its own threads (Akka's <c>ForkJoinDispatcher</c> with a
/// <c>dedicated-thread-pool</c>): its actors keep running when the .NET thread pool is saturated,
/// which is what timing-critical actors need. Scheduling allocates nothing: a shared queue of
/// mailboxes, and a monitor pulse only when a thread is idle.
/// </summary>
internal sealed class DedicatedThreadDispatcher : MessageDispatcher
{
    /// <summary>Mailboxes waiting for a thread.</summary>
    private readonly ConcurrentQueue<IThreadPoolWorkItem> _queue = new();

    /// <summary>Idle threads wait on this monitor; work arriving pulses it.</summary>
    private readonly object _sleep = new();

    /// <summary>The dedicated threads.</summary>
    private readonly Thread[] _threads;

    /// <summary>How many threads are about to wait or waiting on <see cref="_sleep"/>.</summary>
    private int _idle;

    /// <summary>Set by <see cref="Shutdown"/>; the threads exit when they see it.</summary>
    private volatile bool _stopping;

    /// <summary>The dispatcher whose thread this is (null on other threads).</summary>
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

    /// <inheritdoc />
    internal override void Execute(IThreadPoolWorkItem work)
    {
        // One of our own threads handing work on (an actor telling another actor of this
        // dispatcher) into an empty queue: that thread takes it as soon as its current mailbox run
        // ends, within microseconds for short turns, so waking a sleeping thread for it would only
        // add a wake-up (about 10 µs on a VM) to the hand-over. A second item is a backlog: wake.
        var handOver = t_worker == this && _queue.IsEmpty;
        _queue.Enqueue(work);

        // The enqueue's interlocked tail update is a full fence, so either we see the idle thread
        // or it sees the item when it re-checks the queue after announcing itself idle.
        if (!handOver && Volatile.Read(ref _idle) > 0)
        {
            lock (_sleep)
            {
                Monitor.Pulse(_sleep);
            }
        }
    }

    /// <inheritdoc />
    internal override void Shutdown()
    {
        _stopping = true;
        lock (_sleep)
        {
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
                // Announced idle before this check, so a producer that enqueued after it will pulse.
                if (_queue.IsEmpty && !_stopping)
                {
                    Monitor.Wait(_sleep);
                }
            }

            Interlocked.Decrement(ref _idle);
        }
    }
}
