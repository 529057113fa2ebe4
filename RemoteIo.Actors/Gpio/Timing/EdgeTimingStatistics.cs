namespace RemoteIo.Actors.Gpio.Timing;

/// <summary>
/// How late the scheduler's edges were: lateness is the clock after the driver write returned
/// minus the edge's due timestamp, over every edge a timing thread (or timer callback) wrote.
/// Percentiles come from a histogram with 250 ns buckets below 1 ms and 100 µs buckets above, and
/// are reported as the bucket's upper bound (never better than the truth).
/// </summary>
/// <param name="EdgeCount">Edges measured.</param>
/// <param name="P50Nanoseconds">Median lateness.</param>
/// <param name="P99Nanoseconds">99th percentile.</param>
/// <param name="P999Nanoseconds">99.9th percentile.</param>
/// <param name="MaxNanoseconds">The worst edge, exact.</param>
/// <param name="MeanNanoseconds">Mean lateness, exact.</param>
public sealed record EdgeTimingStatistics(
    long EdgeCount,
    long P50Nanoseconds,
    long P99Nanoseconds,
    long P999Nanoseconds,
    long MaxNanoseconds,
    double MeanNanoseconds);
