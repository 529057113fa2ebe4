using System.Runtime.InteropServices;

namespace RemoteIo.Actors.Gpio.Interop;

/// <summary>P/Invoke declarations for the C library (glibc/musl on Linux); one function per file.</summary>
internal static partial class Libc
{
    /// <summary><c>read(2)</c>: reads edge events, line-info changes or an eventfd counter.</summary>
    /// <param name="fd">The descriptor.</param>
    /// <param name="buffer">The destination.</param>
    /// <param name="count">Its size in bytes.</param>
    /// <returns>Bytes read, or -1 with errno set.</returns>
    [LibraryImport(LibraryName, EntryPoint = "read", SetLastError = true)]
    internal static unsafe partial nint Read(int fd, void* buffer, nuint count);
}
