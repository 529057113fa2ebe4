using System.Globalization;

namespace RemoteIo.Actors.Gpio.Simulation;

/// <summary>
/// A fixed-capacity ring of <see cref="GpioTransition"/>s: recording one is a struct store into a
/// preallocated array, so the simulated chip allocates nothing per edge. When full, the oldest
/// entries are overwritten and counted as dropped. Not thread-safe: the chip's lock guards it.
/// </summary>
internal sealed class TransitionLog
{
    /// <summary>The longest CSV row: a 20-character timestamp, an 11-character line, a level and the separators.</summary>
    private const int RowChars = 20 + 1 + 11 + 1 + 1 + 1;

    /// <summary>The ring storage, allocated once.</summary>
    private readonly GpioTransition[] _ring;

    /// <summary>How many transitions were ever recorded (the next one goes to <c>_total % capacity</c>).</summary>
    private long _total;

    /// <summary>How many were recorded before the last <see cref="Clear"/>; those are gone, not dropped.</summary>
    private long _clearedAt;

    /// <summary>Creates a log holding the latest <paramref name="capacity"/> transitions.</summary>
    /// <param name="capacity">At least 1.</param>
    public TransitionLog(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new GpioTransition[capacity];
    }

    /// <summary>How many entries the ring holds at most.</summary>
    public int Capacity => _ring.Length;

    /// <summary>Transitions recorded since the last clear, including dropped ones.</summary>
    public long Recorded => _total - _clearedAt;

    /// <summary>Transitions overwritten because the ring was full.</summary>
    public long Dropped => Math.Max(0, Recorded - _ring.Length);

    /// <summary>Transitions currently retained.</summary>
    public int Count => (int)Math.Min(Recorded, _ring.Length);

    /// <summary>Records one transition.</summary>
    /// <param name="transition">The transition.</param>
    public void Add(in GpioTransition transition)
    {
        _ring[_total % _ring.Length] = transition;
        _total++;
    }

    /// <summary>Forgets everything retained.</summary>
    public void Clear() => _clearedAt = _total;

    /// <summary>Copies the retained transitions, oldest first, optionally only one line's.</summary>
    /// <param name="line">A line, or -1 for all.</param>
    /// <returns>A new array.</returns>
    public GpioTransition[] Snapshot(int line)
    {
        if (line < 0)
        {
            return SnapshotAll();
        }

        var result = new List<GpioTransition>(16);
        for (var i = _total - Count; i < _total; i++)
        {
            var entry = _ring[i % _ring.Length];
            if (entry.Line == line)
            {
                result.Add(entry);
            }
        }

        return [.. result];
    }

    /// <summary>The header line of the CSV export.</summary>
    public const string CsvHeader = "timestamp_ns,line,level\n";

    /// <summary>The ring positions <c>[First, End)</c> retained now, for an export that copies them a chunk at a time.</summary>
    /// <returns>The first retained position and the position after the newest.</returns>
    public (long First, long End) RetainedRange() => (_total - Count, _total);

    /// <summary>
    /// Copies retained transitions from ring position <paramref name="next"/> up to (not including)
    /// <paramref name="end"/> into <paramref name="chunk"/>, oldest first, and advances
    /// <paramref name="next"/> past them. Positions overwritten since the range was taken are
    /// skipped (the log counts them as dropped).
    /// </summary>
    /// <param name="next">The next position to copy; moved past what was copied or skipped.</param>
    /// <param name="end">The position after the last one wanted.</param>
    /// <param name="chunk">Where to copy.</param>
    /// <returns>How many were copied (0 once <paramref name="next"/> reached <paramref name="end"/>).</returns>
    public int CopyChunk(ref long next, long end, Span<GpioTransition> chunk)
    {
        next = Math.Max(next, _total - Count);
        var count = (int)Math.Min(chunk.Length, Math.Max(0, end - next));
        var start = (int)(next % _ring.Length);
        var firstPart = Math.Min(count, _ring.Length - start);
        _ring.AsSpan(start, firstPart).CopyTo(chunk);
        _ring.AsSpan(0, count - firstPart).CopyTo(chunk[firstPart..]);
        next += count;
        return count;
    }

    /// <summary>Writes one <c>timestamp_ns,line,level</c> row for each of the given transitions.</summary>
    /// <param name="transitions">The rows.</param>
    /// <param name="writer">The destination.</param>
    public static void WriteCsvRows(ReadOnlySpan<GpioTransition> transitions, TextWriter writer)
    {
        // Formatted into a stack buffer, not with ToString: a full log is 262,144 rows, and two
        // strings per row made a dump allocate ~25 MB of garbage, which showed as a 16 MiB spike
        // in the host's RSS whenever the load tool asked for the log.
        Span<char> row = stackalloc char[RowChars];
        foreach (var t in transitions)
        {
            t.TimestampNanoseconds.TryFormat(row, out var length, provider: CultureInfo.InvariantCulture);
            row[length++] = ',';
            t.Line.TryFormat(row[length..], out var lineLength, provider: CultureInfo.InvariantCulture);
            length += lineLength;
            row[length++] = ',';
            row[length++] = t.Level.IsHigh ? '1' : '0';
            row[length++] = '\n';
            writer.Write(row[..length]);
        }
    }

    /// <summary>All retained transitions, oldest first, in one exactly sized array.</summary>
    private GpioTransition[] SnapshotAll()
    {
        var result = new GpioTransition[Count];
        var next = _total - Count;
        CopyChunk(ref next, _total, result);
        return result;
    }
}
