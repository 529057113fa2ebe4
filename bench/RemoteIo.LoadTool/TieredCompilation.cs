using System.Diagnostics;
using System.Globalization;

namespace RemoteIo.LoadTool;

/// <summary>
/// Reads how busy the .NET tiered compiler is in a process, from the CPU time of its background
/// worker thread in /proc. A round trip measured while that thread still re-compiles the hot path
/// (tier 0, the instrumented tier, tier 1 with dynamic PGO) measures start-up, not the steady state:
/// on 2 vCPUs the compiler takes a core for a few seconds of traffic, and while it has one the round
/// trip's own threads wait for a CPU for milliseconds at a time (perf sched: 1.2 s of compiler time in
/// host and client during a 1 s warm-up; p99 1.7-2.2 ms in runs that measured inside it).
/// </summary>
internal static class TieredCompilation
{
    /// <summary>The worker's thread name as /proc shows it (the kernel keeps 15 characters of ".NET Tiered Compilation Worker").</summary>
    private const string WorkerThreadName = ".NET Tiered Com";

    /// <summary>How long both compilers must have been idle before measuring starts.</summary>
    private static readonly TimeSpan QuietWindow = TimeSpan.FromMilliseconds(500);

    /// <summary>After this long the warm-up gives up waiting for quiet and says so.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Runs <paramref name="step"/> at least <paramref name="minimum"/> times and then on until the
    /// tiered compiler of every process in <paramref name="processIds"/> has used no CPU for
    /// <see cref="QuietWindow"/>, or <see cref="Patience"/> has passed.
    /// </summary>
    /// <param name="step">One unit of warm-up: a round trip, or a short wait while traffic runs.</param>
    /// <param name="minimum">Steps to run at least.</param>
    /// <param name="unit">What a step is, for the line returned ("round trips").</param>
    /// <param name="processIds">The processes whose compilers must go quiet.</param>
    /// <returns>A line saying how long the warm-up took and whether the compilers went quiet.</returns>
    public static async Task<string> WarmUpAsync(Func<Task> step, int minimum, string unit, params int[] processIds)
    {
        var started = Stopwatch.GetTimestamp();
        var steps = 0;
        for (; steps < minimum; steps++)
        {
            await step();
        }

        var windowStart = Stopwatch.GetTimestamp();
        var compiling = CompilerTicks(processIds);
        while (Stopwatch.GetElapsedTime(started) < Patience)
        {
            await step();
            steps++;
            if (Stopwatch.GetElapsedTime(windowStart) < QuietWindow)
            {
                continue;
            }

            var now = CompilerTicks(processIds);
            if (now == compiling)
            {
                return string.Create(CultureInfo.InvariantCulture, $"warm-up {steps} {unit} in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s, until tiered compilation had been idle for {QuietWindow.TotalMilliseconds:F0} ms");
            }

            compiling = now;
            windowStart = Stopwatch.GetTimestamp();
        }

        return string.Create(CultureInfo.InvariantCulture, $"warm-up {steps} {unit} in {Patience.TotalSeconds:F0} s; tiered compilation was STILL BUSY (measured anyway)");
    }

    /// <summary>User + system clock ticks of the tiered-compilation workers of the given processes.</summary>
    private static long CompilerTicks(int[] processIds)
    {
        long ticks = 0;
        foreach (var pid in processIds)
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                ticks += WorkerTicks(task);
            }
        }

        return ticks;
    }

    /// <summary>The thread's user + system ticks if it is the compiler's worker, else 0 (and 0 if it has just exited).</summary>
    private static long WorkerTicks(string taskDirectory)
    {
        try
        {
            if (File.ReadAllText(Path.Combine(taskDirectory, "comm")).TrimEnd('\n') != WorkerThreadName)
            {
                return 0;
            }

            // Fields after the ")" that closes the name: state is [0], utime [11], stime [12].
            var fields = File.ReadAllText(Path.Combine(taskDirectory, "stat")).Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
