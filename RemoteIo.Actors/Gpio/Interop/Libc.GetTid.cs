using System.Runtime.InteropServices;

namespace RemoteIo.Actors.Gpio.Interop;

/// <summary>P/Invoke declarations for the C library (glibc/musl on Linux); one function per file.</summary>
internal static partial class Libc
{
    /// <summary><c>gettid(2)</c>: the calling thread's kernel id (glibc 2.30+, musl 1.2.2+).</summary>
    /// <returns>The thread id.</returns>
    [LibraryImport(LibraryName, EntryPoint = "gettid")]
    internal static partial int GetTid();
}
