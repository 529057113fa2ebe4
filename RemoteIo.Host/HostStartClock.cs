using System.Diagnostics;

namespace RemoteIo.Host;

/// <summary>When the host began starting, to report how long it took to accept connections.</summary>
/// <param name="StartedAt">A <see cref="Stopwatch.GetTimestamp"/> value taken before the configuration was read.</param>
public sealed record HostStartClock(long StartedAt)
{
    /// <summary>Time since <see cref="StartedAt"/>.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(StartedAt);

    /// <summary>Time since the process started (includes the runtime's own start-up), or null where the OS does not say.</summary>
    public static TimeSpan? SinceProcessStart
    {
        get
        {
            try
            {
                using var process = Process.GetCurrentProcess();
                return DateTime.Now - process.StartTime;
            }
            catch (Exception e) when (e is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
            {
                return null;
            }
        }
    }
}
