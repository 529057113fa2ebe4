using System.Runtime.InteropServices;

namespace RemoteIo.Actors.Gpio.Interop;

/// <summary>P/Invoke declarations for the C library (glibc/musl on Linux); one function per file.</summary>
internal static partial class Libc
{
    /// <summary><c>eventfd(2)</c>: a counter descriptor that wakes a thread blocked in <c>ppoll</c>.</summary>
    /// <param name="initialValue">The starting count.</param>
    /// <param name="flags">EFD_CLOEXEC | EFD_NONBLOCK.</param>
    /// <returns>The descriptor, or -1 with errno set.</returns>
    [LibraryImport(LibraryName, EntryPoint = "eventfd", SetLastError = true)]
    internal static partial int EventFd(uint initialValue, int flags);
}
