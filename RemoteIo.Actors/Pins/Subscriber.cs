using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Pins;

/// <summary>
/// One observer of a pin: its filter, debounce and watchdog, and its bounded queue. With flow
/// control the queue is the edges sent and not yet acknowledged; when it is full, further edges
/// are dropped and counted, and the subscriber learns of them (EventsDropped) before its next edge.
/// </summary>
internal sealed class Subscriber
{
    /// <summary>Sequence numbers sent and not yet acknowledged, oldest first (a ring).</summary>
    private readonly long[] _unacked;

    /// <summary>Index of the oldest unacknowledged sequence.</summary>
    private int _head;

    /// <summary>How many are unacknowledged.</summary>
    private int _count;

    /// <summary>Creates a subscriber.</summary>
    /// <param name="subscriber">Where edges go.</param>
    /// <param name="sessionId">Its session.</param>
    /// <param name="request">What it asked for.</param>
    /// <param name="capacity">Its queue bound.</param>
    public Subscriber(IActorRef subscriber, string sessionId, ObservePin request, int capacity)
    {
        Ref = subscriber;
        SessionId = sessionId;
        Filter = request.Edges;
        DebounceNanoseconds = request.DebounceUs * 1000L;
        WatchdogNanoseconds = request.WatchdogUs * 1000L;
        FlowControl = request.FlowControl;
        _unacked = new long[capacity];
    }

    /// <summary>Where edges go.</summary>
    public IActorRef Ref { get; }

    /// <summary>The subscriber's session (its subscriptions end with it).</summary>
    public string SessionId { get; }

    /// <summary>Which edges it wants.</summary>
    public EdgeFilter Filter { get; }

    /// <summary>Its debounce: level changes closer than this to the last delivered one are collapsed (0: none).</summary>
    public long DebounceNanoseconds { get; }

    /// <summary>Its watchdog period (0: none).</summary>
    public long WatchdogNanoseconds { get; }

    /// <summary>Whether it acknowledges what it consumed.</summary>
    public bool FlowControl { get; }

    /// <summary>Its queue bound.</summary>
    public int Capacity => _unacked.Length;

    /// <summary>The level it was last told (debounce and settling compare against it).</summary>
    public bool Level { get; set; }

    /// <summary>When that level's edge happened.</summary>
    public long LevelSinceNanoseconds { get; set; } = long.MinValue / 2;

    /// <summary>True while a debounce window has a suppressed change to settle.</summary>
    public bool SettlePending { get; set; }

    /// <summary>When the subscription began.</summary>
    public long SubscribedAtNanoseconds { get; set; }

    /// <summary>The watchdog counts silence from no earlier than this (subscription or last watchdog event).</summary>
    public long WatchdogBaseNanoseconds { get; set; }

    /// <summary>Edges dropped since it was last told.</summary>
    public long Dropped { get; private set; }

    /// <summary>The first of those edges' sequence number.</summary>
    public long FirstDropped { get; private set; }

    /// <summary>Edges delivered so far (diagnostics).</summary>
    public long Delivered { get; private set; }

    /// <summary>True when one more edge fits in its queue.</summary>
    public bool HasRoom => !FlowControl || _count < _unacked.Length;

    /// <summary>Records an edge sent.</summary>
    /// <param name="sequence">Its sequence number.</param>
    public void Sent(long sequence)
    {
        Delivered++;
        if (!FlowControl)
        {
            return;
        }

        _unacked[(_head + _count) % _unacked.Length] = sequence;
        _count++;
    }

    /// <summary>Records an acknowledgement: everything up to <paramref name="sequence"/> is consumed.</summary>
    /// <param name="sequence">The last consumed sequence number.</param>
    public void Acknowledge(long sequence)
    {
        while (_count > 0 && _unacked[_head] <= sequence)
        {
            _head = (_head + 1) % _unacked.Length;
            _count--;
        }
    }

    /// <summary>Counts an edge that did not fit.</summary>
    /// <param name="sequence">Its sequence number.</param>
    public void Drop(long sequence) => Drop(1, sequence);

    /// <summary>Counts edges that were lost.</summary>
    /// <param name="count">How many.</param>
    /// <param name="firstSequence">The first one's sequence number.</param>
    public void Drop(long count, long firstSequence)
    {
        if (Dropped == 0)
        {
            FirstDropped = firstSequence;
        }

        Dropped += count;
    }

    /// <summary>Forgets the drops it was told about.</summary>
    public void ClearDropped() => Dropped = 0;
}
