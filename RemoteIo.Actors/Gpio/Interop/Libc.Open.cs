using System.Runtime.InteropServices;

namespace RemoteIo.Actors.Gpio.Interop;

/// <summary>P/Invoke declarations for the C library (glibc/musl on Linux); one function per file.</summary>
internal static partial class Libc
{
    /// <summary><c>open(2)</c>: opens a device node; returns the fd or -1 with errno set.</summary>
    /// <param name="path">The path.</param>
    /// <param name="flags">Open flags (O_RDWR | O_CLOEXEC for a gpiochip).</param>
    /// <returns>The file descriptor, or -1.</returns>
    [LibraryImport(LibraryName, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags);
}
