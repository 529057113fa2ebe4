namespace RemoteIo.Actors.Gpio.Interop;

/// <summary>Constants shared by the <see cref="Libc"/> declarations (Linux generic ABI: x86-64, arm64, armhf).</summary>
internal static partial class Libc
{
    /// <summary>The C library; "libc" resolves to libc.so.6 on glibc systems and to musl's libc.so.</summary>
    internal const string LibraryName = "libc";

    /// <summary>Open for reading and writing.</summary>
    internal const int ORdWr = 0x2;

    /// <summary>Close the descriptor on exec, so child processes do not inherit GPIO lines.</summary>
    internal const int OCloExec = 0x80000;

    /// <summary>eventfd: close on exec.</summary>
    internal const int EfdCloExec = 0x80000;

    /// <summary>eventfd: non-blocking reads.</summary>
    internal const int EfdNonBlock = 0x800;

    /// <summary>poll: data to read.</summary>
    internal const short PollIn = 0x1;

    /// <summary>poll: error condition.</summary>
    internal const short PollErr = 0x8;

    /// <summary>poll: hung up (the chip went away).</summary>
    internal const short PollHup = 0x10;

    /// <summary>poll: invalid descriptor.</summary>
    internal const short PollNval = 0x20;

    /// <summary>prctl: set the calling thread's timer slack in nanoseconds.</summary>
    internal const int PrSetTimerSlack = 29;

    /// <summary>setpriority: the "who" is a process (on Linux: a thread id).</summary>
    internal const int PrioProcess = 0;

    /// <summary>The first-in-first-out real-time scheduling policy.</summary>
    internal const int SchedFifo = 1;

    /// <summary>Operation not permitted.</summary>
    internal const int EPERM = 1;

    /// <summary>No such file or directory.</summary>
    internal const int ENOENT = 2;

    /// <summary>Interrupted system call: retry.</summary>
    internal const int EINTR = 4;

    /// <summary>No such device or address.</summary>
    internal const int ENXIO = 6;

    /// <summary>Try again (nothing to read on a non-blocking descriptor).</summary>
    internal const int EAGAIN = 11;

    /// <summary>Permission denied.</summary>
    internal const int EACCES = 13;

    /// <summary>Device or resource busy.</summary>
    internal const int EBUSY = 16;

    /// <summary>No such device.</summary>
    internal const int ENODEV = 19;

    /// <summary>Invalid argument.</summary>
    internal const int EINVAL = 22;

    /// <summary>Inappropriate ioctl for device (not a GPIO chip).</summary>
    internal const int ENOTTY = 25;
}
