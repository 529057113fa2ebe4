using System.Threading.Channels;

namespace RemoteIo.Actors.Remote.Links;

/// <summary>
/// An association's outbound queue: ordered, bounded for deliveries (control frames do not
/// count), read by one link writer at a time. It belongs to the association, not the connection,
/// so messages queued while a link is down are written after it resumes.
/// </summary>
internal sealed class OutboundQueue
{
    /// <summary>The items, in order.</summary>
    private readonly Channel<OutboundItem> _channel = Channel.CreateUnbounded<OutboundItem>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false, AllowSynchronousContinuations = false });

    /// <summary>Guards <see cref="_space"/>.</summary>
    private readonly Lock _gate = new();

    /// <summary>Deliveries queued (or reserved) now.</summary>
    private int _count;

    /// <summary>Completed when the writer frees room while senders wait; null when nobody waits.</summary>
    private TaskCompletionSource? _space;

    /// <summary>Creates a queue.</summary>
    /// <param name="capacity">Deliveries it holds at most.</param>
    public OutboundQueue(int capacity)
    {
        Capacity = capacity;
    }

    /// <summary>Deliveries it holds at most.</summary>
    public int Capacity { get; }

    /// <summary>Deliveries queued now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Queues a control frame (never refused while the queue is open).</summary>
    /// <param name="item">The control item.</param>
    /// <returns>False once the queue is completed.</returns>
    public bool TryEnqueueControl(in OutboundItem item) => _channel.Writer.TryWrite(item);

    /// <summary>Queues a delivery if there is room.</summary>
    /// <param name="item">The delivery.</param>
    /// <returns>The outcome.</returns>
    public EnqueueResult TryEnqueue(in OutboundItem item)
    {
        if (!TryReserve())
        {
            return EnqueueResult.Full;
        }

        return Commit(item);
    }

    /// <summary>
    /// Queues a delivery, blocking the calling thread up to <paramref name="timeout"/> (real time:
    /// a blocked thread cannot advance a virtual clock) while the queue is full.
    /// </summary>
    /// <param name="item">The delivery.</param>
    /// <param name="timeout">How long to wait for room.</param>
    /// <returns>The outcome (<see cref="EnqueueResult.Full"/> on timeout).</returns>
    public EnqueueResult Enqueue(in OutboundItem item, TimeSpan timeout)
    {
        if (TryReserve())
        {
            return Commit(item);
        }

        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (true)
        {
            var room = WaitForRoom();
            if (TryReserve())
            {
                return Commit(item);
            }

            if (IsCompleted)
            {
                return EnqueueResult.Closed;
            }

            var left = deadline - Environment.TickCount64;
            if (left <= 0 || !room.Wait(TimeSpan.FromMilliseconds(left)))
            {
                return TryReserve() ? Commit(item) : EnqueueResult.Full;
            }
        }
    }

    /// <summary>Queues a delivery, waiting asynchronously up to <paramref name="timeout"/> on <paramref name="time"/> while full.</summary>
    /// <param name="item">The delivery.</param>
    /// <param name="timeout">How long to wait for room.</param>
    /// <param name="time">The clock of the timeout.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The outcome (<see cref="EnqueueResult.Full"/> on timeout).</returns>
    public async ValueTask<EnqueueResult> EnqueueAsync(OutboundItem item, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (TryReserve())
        {
            return Commit(item);
        }

        var started = time.GetTimestamp();
        while (true)
        {
            var room = WaitForRoom();
            if (TryReserve())
            {
                return Commit(item);
            }

            if (IsCompleted)
            {
                return EnqueueResult.Closed;
            }

            var left = timeout - time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return EnqueueResult.Full;
            }

            try
            {
                await room.WaitAsync(left, time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return TryReserve() ? Commit(item) : EnqueueResult.Full;
            }
        }
    }

    /// <summary>Waits until something can be read.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>False once the queue is completed and empty.</returns>
    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken) => _channel.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>Takes the next item (the single writer of the current link only), freeing its room.</summary>
    /// <param name="item">The item.</param>
    /// <returns>False when empty.</returns>
    public bool TryDequeue(out OutboundItem item)
    {
        if (!_channel.Reader.TryRead(out item))
        {
            return false;
        }

        if (!item.IsControl)
        {
            Interlocked.Decrement(ref _count);
            if (Volatile.Read(ref _space) is not null)
            {
                SignalRoom();
            }
        }

        return true;
    }

    /// <summary>Whether <see cref="Complete"/> was called.</summary>
    public bool IsCompleted { get; private set; }

    /// <summary>Closes the queue: later sends are refused; what is still queued can be drained with <see cref="TryDequeue"/>.</summary>
    public void Complete()
    {
        IsCompleted = true;
        _channel.Writer.TryComplete();
        SignalRoom();
    }

    /// <summary>Takes a slot if one is free.</summary>
    private bool TryReserve()
    {
        if (Interlocked.Increment(ref _count) <= Capacity)
        {
            return true;
        }

        Interlocked.Decrement(ref _count);
        return false;
    }

    /// <summary>Writes a reserved delivery, giving the slot back if the queue closed meanwhile.</summary>
    private EnqueueResult Commit(in OutboundItem item)
    {
        if (_channel.Writer.TryWrite(item))
        {
            return EnqueueResult.Enqueued;
        }

        Interlocked.Decrement(ref _count);
        return EnqueueResult.Closed;
    }

    /// <summary>The task a waiting sender waits on (created on first need).</summary>
    private Task WaitForRoom()
    {
        lock (_gate)
        {
            _space ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _space.Task;
        }
    }

    /// <summary>Wakes every waiting sender; they race for the free slots.</summary>
    private void SignalRoom()
    {
        TaskCompletionSource? waiting;
        lock (_gate)
        {
            waiting = _space;
            _space = null;
        }

        waiting?.TrySetResult();
    }
}
