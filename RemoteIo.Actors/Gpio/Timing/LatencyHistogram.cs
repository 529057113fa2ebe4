namespace RemoteIo.Actors.Gpio.Timing;

/// <summary>
/// A fixed-size histogram of edge lateness (recording is an array increment: no allocation).
/// 250 ns buckets up to 1 ms, 100 µs buckets up to 1 s, and an overflow bucket. Not thread-safe:
/// each lane records under its own lock.
/// </summary>
internal sealed class LatencyHistogram
{
    /// <summary>Width of the fine buckets.</summary>
    private const long FineWidth = 250;

    /// <summary>Where the fine buckets end.</summary>
    private const long FineLimit = 1_000_000;

    /// <summary>Width of the coarse buckets.</summary>
    private const long CoarseWidth = 100_000;

    /// <summary>Where the coarse buckets end.</summary>
    private const long CoarseLimit = 1_000_000_000;

    /// <summary>How many fine buckets.</summary>
    private const int FineBuckets = (int)(FineLimit / FineWidth);

    /// <summary>How many buckets in all, the last one for overflow.</summary>
    private const int BucketCount = FineBuckets + (int)((CoarseLimit - FineLimit) / CoarseWidth) + 1;

    /// <summary>Counts per bucket.</summary>
    private readonly long[] _buckets = new long[BucketCount];

    /// <summary>Samples recorded.</summary>
    public long Count { get; private set; }

    /// <summary>Largest sample.</summary>
    public long Max { get; private set; }

    /// <summary>Sum of samples, for the mean.</summary>
    public double Sum { get; private set; }

    /// <summary>Records one lateness (negative values count as 0).</summary>
    /// <param name="nanoseconds">The lateness.</param>
    public void Record(long nanoseconds)
    {
        if (nanoseconds < 0)
        {
            nanoseconds = 0;
        }

        _buckets[BucketOf(nanoseconds)]++;
        Count++;
        Sum += nanoseconds;
        if (nanoseconds > Max)
        {
            Max = nanoseconds;
        }
    }

    /// <summary>Forgets every sample.</summary>
    public void Reset()
    {
        Array.Clear(_buckets);
        Count = 0;
        Max = 0;
        Sum = 0;
    }

    /// <summary>Adds this histogram's counts into <paramref name="target"/> (to merge lanes).</summary>
    /// <param name="target">The accumulator.</param>
    public void AddTo(LatencyHistogram target)
    {
        for (var i = 0; i < _buckets.Length; i++)
        {
            target._buckets[i] += _buckets[i];
        }

        target.Count += Count;
        target.Sum += Sum;
        target.Max = Math.Max(target.Max, Max);
    }

    /// <summary>Summarises the samples.</summary>
    /// <returns>The statistics.</returns>
    public EdgeTimingStatistics ToStatistics() =>
        new(Count, Percentile(0.50), Percentile(0.99), Percentile(0.999), Max, Count == 0 ? 0 : Sum / Count);

    /// <summary>The upper bound of the bucket holding the <paramref name="fraction"/> quantile, capped at the maximum.</summary>
    private long Percentile(double fraction)
    {
        if (Count == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(fraction * Count);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += _buckets[i];
            if (seen >= rank)
            {
                return Math.Min(UpperBound(i), Max);
            }
        }

        return Max;
    }

    /// <summary>The bucket a sample falls in.</summary>
    private static int BucketOf(long nanoseconds) => nanoseconds switch
    {
        < FineLimit => (int)(nanoseconds / FineWidth),
        < CoarseLimit => FineBuckets + (int)((nanoseconds - FineLimit) / CoarseWidth),
        _ => BucketCount - 1,
    };

    /// <summary>The exclusive upper bound of a bucket.</summary>
    private static long UpperBound(int bucket) => bucket switch
    {
        < FineBuckets => (bucket + 1) * FineWidth,
        < BucketCount - 1 => FineLimit + ((bucket - FineBuckets + 1) * CoarseWidth),
        _ => long.MaxValue,
    };
}
