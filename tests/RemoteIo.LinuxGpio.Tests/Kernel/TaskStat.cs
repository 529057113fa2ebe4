using System.Globalization;

namespace RemoteIo.LinuxGpio.Tests.Kernel;

/// <summary>
/// One thread of this process as the kernel sees it (<c>/proc/self/task/TID/stat</c>): its
/// scheduler state and the CPU time it has used, to check that a thread which should be waiting in
/// <c>ppoll</c> really sleeps.
/// </summary>
/// <param name="State">The state letter: R running, S sleeping, D disk wait, ...</param>
/// <param name="CpuTime">User plus system time used so far (clock-tick resolution, 10 ms).</param>
internal readonly record struct TaskStat(char State, TimeSpan CpuTime)
{
    /// <summary>The kernel's USER_HZ: the unit of utime and stime.</summary>
    private const int TicksPerSecond = 100;

    /// <summary>How often <see cref="WaitUntilSleeping"/> looks.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Reads a thread's state and CPU time.</summary>
    /// <param name="threadId">The Linux thread id.</param>
    /// <returns>The state.</returns>
    public static TaskStat Read(int threadId)
    {
        var text = File.ReadAllText($"/proc/self/task/{threadId}/stat");

        // The command name (field 2) may contain spaces and parentheses: fields start after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return new TaskStat(fields[0][0], TimeSpan.FromSeconds((double)ticks / TicksPerSecond));
    }

    /// <summary>Waits (looking every 20 ms) until the thread is asleep, or fails saying what it does instead.</summary>
    /// <param name="threadId">The Linux thread id.</param>
    /// <param name="timeout">How long at most.</param>
    /// <returns>The first sleeping state seen.</returns>
    public static TaskStat WaitUntilSleeping(int threadId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var first = Read(threadId);
        while (true)
        {
            var now = Read(threadId);
            if (now.State == 'S')
            {
                return now;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException(
                    $"thread {threadId} did not go to sleep within {timeout.TotalSeconds:0} s: state {now.State}, {(now.CpuTime - first.CpuTime).TotalMilliseconds:0} ms of CPU meanwhile");
            }

            Thread.Sleep(PollInterval);
        }
    }
}
