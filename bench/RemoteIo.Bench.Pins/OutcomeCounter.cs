using System.Collections.Concurrent;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Bench.Pins;

/// <summary>What the bench client received, read by the bench thread.</summary>
public sealed class OutcomeCounter
{
    /// <summary>Claims granted.</summary>
    private long _claimed;

    /// <summary>Commands that reached a final outcome.</summary>
    private long _finished;

    /// <summary>Commands rejected (should stay 0).</summary>
    private long _rejected;

    /// <summary>Edges received.</summary>
    private long _edges;

    /// <summary>Claims granted.</summary>
    public long Claimed => Volatile.Read(ref _claimed);

    /// <summary>When set, every final outcome is also queued here (scenarios that read the outcomes' timestamps).</summary>
    public ConcurrentQueue<CommandOutcome>? Finals { get; set; }

    /// <summary>Commands that reached a final outcome.</summary>
    public long Finished => Volatile.Read(ref _finished);

    /// <summary>Commands rejected.</summary>
    public long Rejected => Volatile.Read(ref _rejected);

    /// <summary>Edges received.</summary>
    public long Edges => Volatile.Read(ref _edges);

    /// <summary>Counts a claim.</summary>
    public void OnClaimed() => Interlocked.Increment(ref _claimed);

    /// <summary>Counts a final outcome.</summary>
    /// <param name="rejected">Whether it was a rejection.</param>
    public void OnFinished(bool rejected)
    {
        if (rejected)
        {
            Interlocked.Increment(ref _rejected);
        }

        Interlocked.Increment(ref _finished);
    }

    /// <summary>Counts an edge.</summary>
    public void OnEdge() => Interlocked.Increment(ref _edges);
}
