using System.Runtime.InteropServices;

namespace RemoteIo.Actors.Gpio.Interop;

/// <summary><c>struct gpio_v2_line_event</c>: 48 bytes, read from a line-request fd with edge detection.</summary>
[StructLayout(LayoutKind.Explicit, Size = 48)]
internal struct GpioV2LineEvent
{
    /// <summary>When, CLOCK_MONOTONIC nanoseconds (unless the request asked for another clock).</summary>
    [FieldOffset(0)]
    public ulong TimestampNs;

    /// <summary>RISING_EDGE (1) or FALLING_EDGE (2).</summary>
    [FieldOffset(8)]
    public uint Id;

    /// <summary>The line offset.</summary>
    [FieldOffset(12)]
    public uint Offset;

    /// <summary>Sequence number among the request's events.</summary>
    [FieldOffset(16)]
    public uint Seqno;

    /// <summary>Sequence number among this line's events.</summary>
    [FieldOffset(20)]
    public uint LineSeqno;
}
