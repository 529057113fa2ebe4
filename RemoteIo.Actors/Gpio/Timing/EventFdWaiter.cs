using System.Runtime.InteropServices;
using RemoteIo.Actors.Gpio.Interop;

namespace RemoteIo.Actors.Gpio.Timing;

/// <summary>
/// A <see cref="ThreadWaiter"/> on an eventfd: <c>ppoll</c> takes a nanosecond timeout (hrtimer
/// precision, where .NET's waits round to milliseconds) and returns as soon as another thread
/// writes the eventfd. Allocation-free.
/// </summary>
internal sealed class EventFdWaiter : ThreadWaiter
{
    /// <summary>The eventfd.</summary>
    private readonly int _fd;

    /// <summary>Set once disposed.</summary>
    private int _disposed;

    /// <summary>Creates the eventfd.</summary>
    public EventFdWaiter()
    {
        _fd = Libc.EventFd(0, Libc.EfdCloExec | Libc.EfdNonBlock);
        if (_fd < 0)
        {
            throw new GpioException($"eventfd failed (errno {Marshal.GetLastPInvokeError()})") { Errno = Marshal.GetLastPInvokeError() };
        }
    }

    /// <inheritdoc />
    public override unsafe void Wait(long timeoutNanoseconds)
    {
        var poll = new PollFd { Fd = _fd, Events = Libc.PollIn };
        var timeout = new Timespec
        {
            Seconds = (nint)(timeoutNanoseconds / ClockTime.NanosecondsPerSecond),
            Nanoseconds = (nint)(timeoutNanoseconds % ClockTime.NanosecondsPerSecond),
        };
        var ready = Libc.Ppoll(&poll, 1, timeoutNanoseconds < 0 ? null : &timeout, null);
        if (ready > 0 && (poll.ReturnedEvents & Libc.PollIn) != 0)
        {
            ulong value;
            _ = Libc.Read(_fd, &value, sizeof(ulong));
        }
    }

    /// <inheritdoc />
    public override unsafe void Signal()
    {
        ulong one = 1;
        _ = Libc.Write(_fd, &one, sizeof(ulong));
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _ = Libc.Close(_fd);
        }
    }
}
