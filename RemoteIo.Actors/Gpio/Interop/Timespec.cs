using System.Runtime.InteropServices;

namespace RemoteIo.Actors.Gpio.Interop;

/// <summary><c>struct timespec</c> with native-width fields (matches glibc's default time_t on 64- and 32-bit Linux).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Timespec
{
    /// <summary>Whole seconds.</summary>
    public nint Seconds;

    /// <summary>Nanoseconds, 0..999,999,999.</summary>
    public nint Nanoseconds;
}
