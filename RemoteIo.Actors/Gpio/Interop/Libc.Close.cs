using System.Runtime.InteropServices;

namespace RemoteIo.Actors.Gpio.Interop;

/// <summary>P/Invoke declarations for the C library (glibc/musl on Linux); one function per file.</summary>
internal static partial class Libc
{
    /// <summary><c>close(2)</c>: closes a file descriptor (a chip, a line request, an eventfd).</summary>
    /// <param name="fd">The descriptor.</param>
    /// <returns>0, or -1 with errno set.</returns>
    [LibraryImport(LibraryName, EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fd);
}
