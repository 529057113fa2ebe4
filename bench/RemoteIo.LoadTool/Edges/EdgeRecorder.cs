using System.Diagnostics;
using RemoteIo.Actors.Gpio.Timing;
using RemoteIo.ClientNode;

namespace RemoteIo.LoadTool.Edges;

/// <summary>
/// One subscriber's view of the input: every edge's latency (client receive time minus the host's
/// edge stamp, both CLOCK_MONOTONIC ns on this machine), its sequence gaps and the drop notices
/// the facade reported. Recorded in the <see cref="PinObserver.Changed"/> handler — the first
/// point the facade hands an edge to user code — into preallocated arrays, so recording
/// allocates nothing and adds no hop.
/// </summary>
internal sealed class EdgeRecorder
{
    /// <summary>Latencies of measured edges in ns.</summary>
    private readonly long[] _latencies;

    /// <summary>How many latencies are recorded.</summary>
    private int _count;

    /// <summary>The last sequence number received (0 before any).</summary>
    private ulong _last;

    /// <summary>Edges with a host stamp before this are warm-up (not measured); long.MaxValue until the window opens.</summary>
    private long _measureFrom = long.MaxValue;

    /// <summary>Creates a recorder for at most <paramref name="capacity"/> measured edges.</summary>
    /// <param name="name">How the report names this subscriber.</param>
    /// <param name="observer">The observation to record.</param>
    /// <param name="capacity">The most edges measured.</param>
    public EdgeRecorder(string name, PinObserver observer, int capacity)
    {
        Name = name;
        _latencies = new long[capacity];
        _last = observer.SequenceAtStart;
        FirstSequence = observer.SequenceAtStart + 1;
        observer.Changed += OnChanged;
    }

    /// <summary>How the report names this subscriber.</summary>
    public string Name { get; }


    /// <summary>The sequence number the first edge after subscribing should carry.</summary>
    public ulong FirstSequence { get; }

    /// <summary>The last sequence number received.</summary>
    public ulong LastSequence => Volatile.Read(ref _last);

    /// <summary>Edges received (measured or not).</summary>
    public long Received { get; private set; }

    /// <summary>Edges missing between consecutive received sequence numbers.</summary>
    public ulong Gaps { get; private set; }

    /// <summary>Edges the facade reported dropped (host queue overflow).</summary>
    public ulong Dropped { get; private set; }

    /// <summary>Measured edges that did not fit the preallocated array.</summary>
    public long Overflow { get; private set; }

    /// <summary>Measures edges the host stamped at or after <paramref name="nanoseconds"/> (CLOCK_MONOTONIC).</summary>
    /// <param name="nanoseconds">The start of the measured window.</param>
    public void MeasureFrom(long nanoseconds) => Volatile.Write(ref _measureFrom, nanoseconds);

    /// <summary>The measured latencies in µs.</summary>
    /// <returns>A copy.</returns>
    public double[] LatenciesMicroseconds() => [.. _latencies.AsSpan(0, _count).ToArray().Select(ns => ns / 1000.0)];

    /// <summary>Records an event (client node thread).</summary>
    private void OnChanged(object? sender, PinEvent e)
    {
        var now = ClockTime.ToNanoseconds(Stopwatch.GetTimestamp(), Stopwatch.Frequency);
        switch (e.Kind)
        {
            case PinEventKind.Dropped:
                Dropped += e.Dropped;
                return;
            case PinEventKind.Edge:
                break;
            default:
                return;
        }

        Received++;
        if (e.Sequence > _last + 1)
        {
            Gaps += e.Sequence - _last - 1;
        }

        Volatile.Write(ref _last, e.Sequence);
        if (e.TimestampNanoseconds < Volatile.Read(ref _measureFrom))
        {
            return;
        }

        if (_count < _latencies.Length)
        {
            _latencies[_count++] = now - e.TimestampNanoseconds;
        }
        else
        {
            Overflow++;
        }
    }
}
