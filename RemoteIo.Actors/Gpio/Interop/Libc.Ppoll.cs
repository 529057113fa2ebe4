using System.Runtime.InteropServices;

namespace RemoteIo.Actors.Gpio.Interop;

/// <summary>P/Invoke declarations for the C library (glibc/musl on Linux); one function per file.</summary>
internal static partial class Libc
{
    /// <summary><c>ppoll(2)</c>: waits for descriptors with a nanosecond timeout (hrtimer precision, unlike poll's milliseconds).</summary>
    /// <param name="fds">The descriptors and the events wanted.</param>
    /// <param name="count">How many.</param>
    /// <param name="timeout">The timeout, or null to wait indefinitely.</param>
    /// <param name="signalMask">Null: keep the signal mask.</param>
    /// <returns>How many descriptors are ready, 0 on timeout, -1 with errno set.</returns>
    [LibraryImport(LibraryName, EntryPoint = "ppoll", SetLastError = true)]
    internal static unsafe partial int Ppoll(PollFd* fds, nuint count, Timespec* timeout, void* signalMask);
}
