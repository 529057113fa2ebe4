using System.Collections.Concurrent;

namespace RemoteIo.Actors.Kernel.Dispatch;

/// <summary>
/// An actor's mailbox and its run loop. User messages go into a lock-free MPSC queue of
/// envelopes (a struct, so a Tell of an existing message allocates nothing); system messages into
/// a lock-free stack that is reversed when drained. A status word (open, scheduled, closed, and a
/// suspend count) is changed by CAS, so the mailbox is scheduled on at most one thread at a time.
/// Each run processes all system messages, then up to <c>throughput</c> user messages, draining
/// system messages again after each one.
/// </summary>
internal sealed class Mailbox : IThreadPoolWorkItem
{
    /// <summary>Status: accepting messages, not scheduled.</summary>
    private const int Open = 0;

    /// <summary>Status bit: the actor has terminated; nothing is processed any more.</summary>
    private const int Closed = 1;

    /// <summary>Status bit: a run is queued or executing.</summary>
    private const int Scheduled = 2;

    /// <summary>The bits that decide whether a new run may be scheduled.</summary>
    private const int ShouldScheduleMask = 3;

    /// <summary>The bits that, when set, forbid processing user messages (closed or suspended).</summary>
    private const int ShouldNotProcessMask = ~Scheduled;

    /// <summary>One level of suspension (the suspend count lives above the two flag bits).</summary>
    private const int SuspendUnit = 4;

    /// <summary>Marks the system-message stack of a closed mailbox: later system messages are handled as dead.</summary>
    private static readonly SystemMessageNode ClosedSentinel = new(null);

    /// <summary>User messages from any thread.</summary>
    private readonly ConcurrentQueue<Envelope> _queue = new();

    /// <summary>Messages put back in front (unstashed); touched only by the running thread.</summary>
    private readonly EnvelopeDeque _prepended = new();

    /// <summary>The pending-work counter when quiescence tracking is on; null (one branch) otherwise.</summary>
    private readonly Quiescence? _quiescence;

    /// <summary>The actor whose messages this mailbox holds.</summary>
    private readonly ActorCell _cell;

    /// <summary>The newest pending system message (a stack, reversed when drained), or <see cref="ClosedSentinel"/>.</summary>
    private SystemMessageNode? _systemHead;

    /// <summary>Open/Closed/Scheduled bits plus the suspend count.</summary>
    private int _status;

    /// <summary>Creates the mailbox of <paramref name="cell"/>.</summary>
    /// <param name="cell">The actor.</param>
    /// <param name="dispatcher">The dispatcher that runs it.</param>
    /// <param name="quiescence">The pending-work counter, or null when not tracking.</param>
    public Mailbox(ActorCell cell, MessageDispatcher dispatcher, Quiescence? quiescence)
    {
        _cell = cell;
        Dispatcher = dispatcher;
        _quiescence = quiescence;
    }

    /// <summary>The dispatcher that runs this mailbox.</summary>
    public MessageDispatcher Dispatcher { get; }

    /// <summary>True once the actor has terminated.</summary>
    public bool IsClosed => (Volatile.Read(ref _status) & Closed) != 0;

    /// <summary>True while at least one suspension is in force.</summary>
    public bool IsSuspended => (Volatile.Read(ref _status) & ~ShouldScheduleMask) != 0;

    /// <summary>True when user messages are waiting (read by the running thread).</summary>
    private bool HasMessages => _prepended.Count > 0 || !_queue.IsEmpty;

    /// <summary>True when system messages are waiting.</summary>
    private bool HasSystemMessages
    {
        get
        {
            var head = Volatile.Read(ref _systemHead);
            return head is not null && head != ClosedSentinel;
        }
    }

    /// <summary>Enqueues a user message and schedules the mailbox if it is idle. Lock-free, allocation-free.</summary>
    /// <param name="envelope">The message and its sender.</param>
    public void Post(in Envelope envelope)
    {
        _quiescence?.Increment();
        _queue.Enqueue(envelope);

        // The enqueue's interlocked tail update orders before this read, and the runner's CAS to idle
        // orders before its emptiness check: one of the two always sees the other.
        var status = Volatile.Read(ref _status);
        if (status == Open)
        {
            if (Interlocked.CompareExchange(ref _status, Scheduled, Open) == Open)
            {
                Dispatcher.Execute(this);
            }
        }
        else if ((status & Closed) != 0)
        {
            DrainUserMessagesToDeadLetters();
        }
    }

    /// <summary>Puts messages back in front of the queue, in the given order (for unstashing).</summary>
    /// <param name="envelopes">The messages, oldest first.</param>
    public void EnqueueFirst(IReadOnlyList<Envelope> envelopes)
    {
        for (var i = envelopes.Count - 1; i >= 0; i--)
        {
            _quiescence?.Increment();
            _prepended.AddFirst(envelopes[i]);
        }
    }

    /// <summary>Enqueues a system message; on a closed mailbox it is handled as dead at once.</summary>
    /// <param name="message">The system message.</param>
    public void SystemEnqueue(SystemMessage message)
    {
        var node = new SystemMessageNode(message);
        _quiescence?.Increment();
        while (true)
        {
            var head = Volatile.Read(ref _systemHead);
            if (head == ClosedSentinel)
            {
                _quiescence?.Decrement();
                _cell.HandleDeadSystemMessage(message);
                return;
            }

            node.Next = head;
            if (Interlocked.CompareExchange(ref _systemHead, node, head) == head)
            {
                break;
            }
        }

        Dispatcher.RegisterForExecution(this, hasMessageHint: false, hasSystemMessageHint: true);
    }

    /// <summary>Adds one level of suspension: user messages wait until as many resumes.</summary>
    public void Suspend()
    {
        int status;
        do
        {
            status = Volatile.Read(ref _status);
            if ((status & Closed) != 0)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _status, status + SuspendUnit, status) != status);
    }

    /// <summary>Removes one level of suspension and schedules the mailbox if work is waiting.</summary>
    public void Resume()
    {
        int status;
        do
        {
            status = Volatile.Read(ref _status);
            if ((status & Closed) != 0 || status < SuspendUnit)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _status, status - SuspendUnit, status) != status);
    }

    /// <summary>
    /// Closes the mailbox (the actor terminated): later system messages are handled as dead at
    /// once, and pending user messages go to the dead letters.
    /// </summary>
    public void Close()
    {
        int status;
        do
        {
            status = Volatile.Read(ref _status);
        }
        while (Interlocked.CompareExchange(ref _status, status | Closed, status) != status);

        var pending = Interlocked.Exchange(ref _systemHead, ClosedSentinel);
        for (var node = Reverse(pending); node is not null; node = node.Next)
        {
            _quiescence?.Decrement();
            _cell.HandleDeadSystemMessage(node.Message!);
        }

        while (_prepended.TryTakeFirst(out var envelope))
        {
            _quiescence?.Decrement();
            _cell.SendToDeadLetters(envelope);
        }

        DrainUserMessagesToDeadLetters();
    }

    /// <summary>True when a run should be scheduled for the given hints and the current state.</summary>
    internal bool CanBeScheduledForExecution(bool hasMessageHint, bool hasSystemMessageHint)
    {
        var status = Volatile.Read(ref _status);
        if (status is Open or Scheduled)
        {
            return hasMessageHint || hasSystemMessageHint || HasSystemMessages || HasMessages;
        }

        return (status & Closed) == 0 && (hasSystemMessageHint || HasSystemMessages);
    }

    /// <summary>Sets the scheduled bit unless the mailbox is already scheduled or closed.</summary>
    /// <returns>True when this call set it (and must now schedule the run).</returns>
    internal bool SetAsScheduled()
    {
        while (true)
        {
            var status = Volatile.Read(ref _status);
            if ((status & ShouldScheduleMask) != Open)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _status, status | Scheduled, status) == status)
            {
                return true;
            }
        }
    }

    /// <summary>One run of the mailbox on a dispatcher thread. Never lets an exception escape.</summary>
    public void Execute()
    {
        var previous = ActorCell.EnterThread(_cell);
        try
        {
            if (!IsClosed)
            {
                ProcessAllSystemMessages();
                ProcessMailbox();
            }
        }
        catch (Exception e)
        {
            _cell.ReportKernelFault(e);
        }
        finally
        {
            ActorCell.LeaveThread(previous);
            SetAsIdle();
            Dispatcher.RegisterForExecution(this, hasMessageHint: false, hasSystemMessageHint: false);
        }
    }

    /// <summary>Processes system messages in arrival order until none are left (or the actor terminated).</summary>
    internal void ProcessAllSystemMessages()
    {
        while (true)
        {
            var head = Volatile.Read(ref _systemHead);
            if (head is null || head == ClosedSentinel)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _systemHead, null, head) != head)
            {
                continue;
            }

            for (var node = Reverse(head); node is not null; node = node.Next)
            {
                if (IsClosed)
                {
                    _cell.HandleDeadSystemMessage(node.Message!);
                }
                else
                {
                    _cell.SystemInvoke(node.Message!);
                }

                _quiescence?.Decrement();
            }
        }
    }

    /// <summary>Processes up to <c>throughput</c> user messages, system messages first after each.</summary>
    private void ProcessMailbox()
    {
        var left = Dispatcher.Throughput;
        while (left-- > 0 && (Volatile.Read(ref _status) & ShouldNotProcessMask) == 0 && TryDequeue(out var envelope))
        {
            _cell.Invoke(envelope);
            _quiescence?.Decrement();
            ProcessAllSystemMessages();
        }
    }

    /// <summary>Takes the next user message: unstashed ones first.</summary>
    private bool TryDequeue(out Envelope envelope) => _prepended.TryTakeFirst(out envelope) || _queue.TryDequeue(out envelope);

    /// <summary>Clears the scheduled bit after a run.</summary>
    private void SetAsIdle()
    {
        int status;
        do
        {
            status = Volatile.Read(ref _status);
        }
        while (Interlocked.CompareExchange(ref _status, status & ~Scheduled, status) != status);
    }

    /// <summary>Sends whatever is in the concurrent queue to the dead letters (safe from any thread).</summary>
    private void DrainUserMessagesToDeadLetters()
    {
        while (_queue.TryDequeue(out var envelope))
        {
            _quiescence?.Decrement();
            _cell.SendToDeadLetters(envelope);
        }
    }

    /// <summary>Reverses a newest-first system-message list into arrival order.</summary>
    private static SystemMessageNode? Reverse(SystemMessageNode? head)
    {
        SystemMessageNode? reversed = null;
        while (head is not null && head != ClosedSentinel)
        {
            var next = head.Next;
            head.Next = reversed;
            reversed = head;
            head = next;
        }

        return reversed;
    }
}
