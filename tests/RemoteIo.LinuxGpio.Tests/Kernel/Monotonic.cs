using System.Diagnostics;

namespace RemoteIo.LinuxGpio.Tests.Kernel;

/// <summary>CLOCK_MONOTONIC, the clock of the kernel's GPIO event timestamps, read from user space.</summary>
internal static class Monotonic
{
    /// <summary>Now, in nanoseconds. On Linux, <see cref="Stopwatch"/> reads CLOCK_MONOTONIC.</summary>
    public static long Nanoseconds => (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
}
