using System.Runtime.InteropServices;

namespace RemoteIo.Actors.Gpio.Interop;

/// <summary>P/Invoke declarations for the C library (glibc/musl on Linux); one function per file.</summary>
internal static partial class Libc
{
    /// <summary><c>write(2)</c>: used to signal an eventfd.</summary>
    /// <param name="fd">The descriptor.</param>
    /// <param name="buffer">The source.</param>
    /// <param name="count">Its size in bytes.</param>
    /// <returns>Bytes written, or -1 with errno set.</returns>
    [LibraryImport(LibraryName, EntryPoint = "write", SetLastError = true)]
    internal static unsafe partial nint Write(int fd, void* buffer, nuint count);
}
