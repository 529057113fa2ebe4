using System.Runtime.InteropServices;

namespace RemoteIo.Actors.Gpio.Interop;

/// <summary>P/Invoke declarations for the C library (glibc/musl on Linux); one function per file.</summary>
internal static partial class Libc
{
    /// <summary><c>sched_setscheduler(2)</c>: gives the calling thread (pid 0) a real-time policy where permitted.</summary>
    /// <param name="pid">0 for the calling thread.</param>
    /// <param name="policy">SCHED_FIFO (1).</param>
    /// <param name="parameter">The priority.</param>
    /// <returns>0, or -1 with errno set (EPERM without CAP_SYS_NICE).</returns>
    [LibraryImport(LibraryName, EntryPoint = "sched_setscheduler", SetLastError = true)]
    internal static unsafe partial int SchedSetScheduler(int pid, int policy, SchedParam* parameter);
}
