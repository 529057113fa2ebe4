using System.Runtime.InteropServices;

namespace RemoteIo.Actors.Gpio.Interop;

/// <summary><c>struct pollfd</c> (8 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PollFd
{
    /// <summary>The descriptor.</summary>
    public int Fd;

    /// <summary>The events wanted.</summary>
    public short Events;

    /// <summary>The events that happened.</summary>
    public short ReturnedEvents;
}
