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

    /// <summary>Writes <c>timestamp_ns,line,level</c> rows (with that header) for the given transitions.</summary>
    /// <param name="transitions">The rows.</param>
    /// <param name="writer">The destination.</param>
    public static void WriteCsv(ReadOnlySpan<GpioTransition> transitions, TextWriter writer)
    {
        writer.Write("timestamp_ns,line,level\n");
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

    /// <summary>All retained transitions, oldest first, in one exactly sized array (the ring's two halves copied).</summary>
    private GpioTransition[] SnapshotAll()
    {
        var result = new GpioTransition[Count];
        var start = (int)((_total - Count) % _ring.Length);
        var firstPart = Math.Min(Count, _ring.Length - start);
        Array.Copy(_ring, start, result, 0, firstPart);
        Array.Copy(_ring, 0, result, firstPart, Count - firstPart);
        return result;
    }
}
