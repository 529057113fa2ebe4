using System.Diagnostics;
using System.Globalization;

namespace RemoteIo.Host;

/// <summary>When the host began starting, to report how long it took to accept connections.</summary>
/// <param name="StartedAt">A <see cref="Stopwatch.GetTimestamp"/> value taken before the configuration was read.</param>
public sealed record HostStartClock(long StartedAt)
{
    /// <summary>Clock ticks per second of /proc's time fields (USER_HZ, 100 on every Linux architecture).</summary>
    private const double UserHz = 100.0;

    /// <summary>Time since <see cref="StartedAt"/>.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(StartedAt);

    /// <summary>
    /// Time since the process started (includes the runtime's own start-up, 10 ms resolution), or
    /// null where /proc does not say (not Linux).
    /// </summary>
    /// <remarks>
    /// Read from /proc/self/stat (start time after boot) and /proc/uptime, the same source as
    /// <see cref="Process.StartTime"/>, without loading System.Diagnostics.Process and its
    /// dependencies on the start path (about 0.5 MiB resident and a few dozen JIT-compiled methods).
    /// </remarks>
    public static TimeSpan? SinceProcessStart
    {
        get
        {
            try
            {
                // Field 22 (starttime) counts from the end of the command name, which may hold spaces or ')'.
                var stat = File.ReadAllText("/proc/self/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var startedAfterBoot = long.Parse(fields[19], CultureInfo.InvariantCulture) / UserHz;
                var uptime = double.Parse(File.ReadAllText("/proc/uptime").Split(' ')[0], CultureInfo.InvariantCulture);
                return TimeSpan.FromSeconds(Math.Max(0, uptime - startedAfterBoot));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException or OverflowException)
            {
                return null;
            }
        }
    }
}
