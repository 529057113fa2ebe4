using System.Diagnostics;

namespace RemoteIo.Actors.Gpio.Timing;

/// <summary>
/// Converts <see cref="TimeProvider"/> timestamps to nanoseconds, the one time unit of the GPIO
/// layer (the kernel stamps edges in CLOCK_MONOTONIC nanoseconds). On Linux
/// <see cref="Stopwatch.GetTimestamp"/> — what <see cref="TimeProvider.System"/> returns — already
/// is CLOCK_MONOTONIC in nanoseconds, so simulated and real stamps share one time base.
/// </summary>
public static class ClockTime
{
    /// <summary>Nanoseconds per second.</summary>
    public const long NanosecondsPerSecond = 1_000_000_000;

    /// <summary>Nanoseconds per <see cref="TimeSpan"/> tick.</summary>
    public const long NanosecondsPerTick = 100;

    /// <summary>The clock's current time in nanoseconds.</summary>
    /// <param name="clock">The clock.</param>
    /// <returns>Nanoseconds on the clock's monotonic time base.</returns>
    public static long NowNanoseconds(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return ToNanoseconds(clock.GetTimestamp(), clock.TimestampFrequency);
    }

    /// <summary>Converts a timestamp taken at <paramref name="frequency"/> ticks per second to nanoseconds.</summary>
    /// <param name="timestamp">The timestamp.</param>
    /// <param name="frequency">Its ticks per second.</param>
    /// <returns>Nanoseconds.</returns>
    public static long ToNanoseconds(long timestamp, long frequency)
    {
        if (frequency == NanosecondsPerSecond)
        {
            return timestamp;
        }

        // Split into whole seconds and a remainder so neither product overflows for any realistic uptime.
        var seconds = Math.DivRem(timestamp, frequency, out var remainder);
        return (seconds * NanosecondsPerSecond) + (remainder * NanosecondsPerSecond / frequency);
    }

    /// <summary>Converts a duration to nanoseconds.</summary>
    /// <param name="duration">The duration.</param>
    /// <returns>Nanoseconds.</returns>
    public static long ToNanoseconds(TimeSpan duration) => duration.Ticks * NanosecondsPerTick;

    /// <summary>Converts nanoseconds to a <see cref="TimeSpan"/>, rounding up to the next 100 ns tick (a timer must never fire early).</summary>
    /// <param name="nanoseconds">A non-negative duration.</param>
    /// <returns>The duration.</returns>
    public static TimeSpan ToTimeSpanCeiling(long nanoseconds) =>
        TimeSpan.FromTicks((nanoseconds + NanosecondsPerTick - 1) / NanosecondsPerTick);
}
