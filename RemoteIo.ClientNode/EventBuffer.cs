using System.Runtime.CompilerServices;

namespace RemoteIo.ClientNode;

/// <summary>
/// The events one reader of <see cref="PinObserver.EventsAsync"/> has not consumed yet: bounded,
/// dropping the oldest when full, and then handing the reader a <see cref="PinEventKind.Dropped"/>
/// event first so the loss is visible (besides the gap in the sequence numbers). Written by the
/// client node's actor, read by one consumer.
/// </summary>
internal sealed class EventBuffer
{
    /// <summary>Guards the queue, the drop count and the waiter.</summary>
    private readonly Lock _gate = new();

    /// <summary>Unread events, oldest first.</summary>
    private readonly Queue<PinEvent> _events = new();

    /// <summary>The most events kept.</summary>
    private readonly int _capacity;

    /// <summary>Events dropped since the reader last looked.</summary>
    private ulong _dropped;

    /// <summary>The first dropped event, to report where the gap starts.</summary>
    private PinEvent? _firstDropped;

    /// <summary>Completed when an event arrives for a waiting reader.</summary>
    private TaskCompletionSource? _waiter;

    /// <summary>Set once no more events will come.</summary>
    private bool _completed;

    /// <summary>Why the stream ended abnormally, if it did.</summary>
    private Exception? _error;

    /// <summary>Creates a buffer of <paramref name="capacity"/> events.</summary>
    /// <param name="capacity">At least 1.</param>
    public EventBuffer(int capacity) => _capacity = capacity;

    /// <summary>Adds an event, dropping the oldest when full.</summary>
    /// <param name="pinEvent">The event.</param>
    public void Write(PinEvent pinEvent)
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            if (_events.Count >= _capacity)
            {
                var oldest = _events.Dequeue();
                _firstDropped ??= oldest;
                _dropped++;
            }

            _events.Enqueue(pinEvent);
            waiter = _waiter;
            _waiter = null;
        }

        waiter?.TrySetResult();
    }

    /// <summary>Ends the stream: the reader finishes what is buffered, then stops (or throws <paramref name="error"/>).</summary>
    /// <param name="error">Null for a normal end.</param>
    public void Complete(Exception? error)
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            _completed = true;
            _error ??= error;
            waiter = _waiter;
            _waiter = null;
        }

        waiter?.TrySetResult();
    }

    /// <summary>Reads events until the stream ends or <paramref name="cancellationToken"/> fires.</summary>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The events.</returns>
    public async IAsyncEnumerable<PinEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var next = TryTake(out var wait);
            if (next is not null)
            {
                yield return next;
            }
            else if (wait is null)
            {
                yield break;
            }
            else
            {
                await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Takes the next event (a drop notice first, if events were dropped); otherwise returns null
    /// with the task to wait for, or null with no task once the stream has ended.
    /// </summary>
    /// <exception cref="Exception">The stream ended with an error.</exception>
    private PinEvent? TryTake(out Task? wait)
    {
        lock (_gate)
        {
            wait = null;
            if (_dropped > 0)
            {
                var first = _firstDropped!;
                var notice = new PinEvent(first.Gpio, PinEventKind.Dropped, first.Level, first.TimestampNanoseconds, first.Sequence) { Dropped = _dropped };
                _dropped = 0;
                _firstDropped = null;
                return notice;
            }

            if (_events.TryDequeue(out var next))
            {
                return next;
            }

            if (_completed)
            {
                if (_error is not null)
                {
                    throw _error;
                }

                return null;
            }

            _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            wait = _waiter.Task;
            return null;
        }
    }
}
