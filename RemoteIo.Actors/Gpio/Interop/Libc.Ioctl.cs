using System.Runtime.InteropServices;

namespace RemoteIo.Actors.Gpio.Interop;

/// <summary>P/Invoke declarations for the C library (glibc/musl on Linux); one function per file.</summary>
internal static partial class Libc
{
    /// <summary><c>ioctl(2)</c> with a pointer argument: every GPIO uAPI v2 call goes through it.</summary>
    /// <param name="fd">A chip or line-request descriptor.</param>
    /// <param name="request">The request number (see <see cref="GpioUapi"/>).</param>
    /// <param name="argument">The structure the request reads and fills.</param>
    /// <returns>0 (or a non-negative value), or -1 with errno set.</returns>
    [LibraryImport(LibraryName, EntryPoint = "ioctl", SetLastError = true)]
    internal static unsafe partial int Ioctl(int fd, nuint request, void* argument);
}
