namespace RemoteIo.ClientNode;

/// <summary>
/// How to observe a pin's edges (per observer: other observers of the same pin choose their own).
/// Immutable; derive variants with the <c>WithX</c> methods.
/// </summary>
public sealed record ObserveOptions
{
    /// <summary>Both edges, no debounce, no watchdog, a queue of <see cref="DefaultQueueCapacity"/> events on the host.</summary>
    public static ObserveOptions Default { get; } = new();

    /// <summary>Which edges to receive.</summary>
    public Edge Edges { get; init; } = Edge.Both;

    /// <summary>Edges closer than this to the previous delivered one are collapsed (zero: none).</summary>
    public TimeSpan Debounce { get; init; }

    /// <summary>Report a <see cref="PinEventKind.Watchdog"/> after this long without an edge (zero: off).</summary>
    public TimeSpan Watchdog { get; init; }

    /// <summary>
    /// The default host queue: 4096 edges, the same as the host's per-pin edge buffer
    /// (<c>remoteio.pins.edge-buffer-capacity</c>), 0.4 s at 10,000 edges/s. The queue must absorb a
    /// stall of the host itself, not only a slow client: a pin actor that was held up for a moment
    /// (GC, a busy core) sends the backlog in one burst before any acknowledgement can come back,
    /// and with 256 a 25 ms hiccup at 10,000 edges/s dropped edges every observer would have read
    /// in time (measured with the load tool's edges scenario). 32 KiB of bookkeeping per observer.
    /// </summary>
    public const int DefaultQueueCapacity = 4096;

    /// <summary>Events the host keeps unacknowledged for this observer before it drops (and reports) the overflow.</summary>
    public int QueueCapacity { get; init; } = DefaultQueueCapacity;

    /// <summary>Returns a copy for other edges.</summary>
    /// <param name="edges">Which edges.</param>
    /// <returns>The copy.</returns>
    public ObserveOptions WithEdges(Edge edges) => this with { Edges = edges };

    /// <summary>Returns a copy with a debounce time.</summary>
    /// <param name="debounce">Zero or more, at most ~71 minutes.</param>
    /// <returns>The copy.</returns>
    public ObserveOptions WithDebounce(TimeSpan debounce)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(debounce, TimeSpan.Zero);
        return this with { Debounce = debounce };
    }

    /// <summary>Returns a copy with a watchdog time.</summary>
    /// <param name="watchdog">Zero (off) or more.</param>
    /// <returns>The copy.</returns>
    public ObserveOptions WithWatchdog(TimeSpan watchdog)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(watchdog, TimeSpan.Zero);
        return this with { Watchdog = watchdog };
    }

    /// <summary>Returns a copy with another host queue capacity.</summary>
    /// <param name="capacity">At least 4.</param>
    /// <returns>The copy.</returns>
    public ObserveOptions WithQueueCapacity(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 4);
        return this with { QueueCapacity = capacity };
    }
}
