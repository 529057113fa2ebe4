using System.Runtime.InteropServices;

namespace RemoteIo.Actors.Gpio.Interop;

/// <summary>P/Invoke declarations for the C library (glibc/musl on Linux); one function per file.</summary>
internal static partial class Libc
{
    /// <summary><c>prctl(2)</c>: used with PR_SET_TIMERSLACK so the timing thread's sleeps are not stretched by the default 50 µs slack.</summary>
    /// <param name="option">The operation.</param>
    /// <param name="argument2">Its first argument.</param>
    /// <param name="argument3">Unused (0).</param>
    /// <param name="argument4">Unused (0).</param>
    /// <param name="argument5">Unused (0).</param>
    /// <returns>0, or -1 with errno set.</returns>
    [LibraryImport(LibraryName, EntryPoint = "prctl", SetLastError = true)]
    internal static partial int Prctl(int option, nuint argument2, nuint argument3, nuint argument4, nuint argument5);
}
