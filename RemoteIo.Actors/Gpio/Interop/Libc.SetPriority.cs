using System.Runtime.InteropServices;

namespace RemoteIo.Actors.Gpio.Interop;

/// <summary>P/Invoke declarations for the C library (glibc/musl on Linux); one function per file.</summary>
internal static partial class Libc
{
    /// <summary><c>setpriority(2)</c> with PRIO_PROCESS and a thread id: sets that thread's nice value (Linux nice is per thread).</summary>
    /// <param name="which">PRIO_PROCESS (0).</param>
    /// <param name="who">The thread id (<see cref="GetTid"/>).</param>
    /// <param name="priority">The nice value, -20 (highest) .. 19; below 0 needs CAP_SYS_NICE.</param>
    /// <returns>0, or -1 with errno set.</returns>
    [LibraryImport(LibraryName, EntryPoint = "setpriority", SetLastError = true)]
    internal static partial int SetPriority(int which, uint who, int priority);
}
