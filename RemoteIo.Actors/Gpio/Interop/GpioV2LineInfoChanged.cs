using System.Runtime.InteropServices;

namespace RemoteIo.Actors.Gpio.Interop;

/// <summary><c>struct gpio_v2_line_info_changed</c>: 288 bytes, read from a chip fd after GPIO_V2_GET_LINEINFO_WATCH_IOCTL.</summary>
[StructLayout(LayoutKind.Explicit, Size = 288)]
internal struct GpioV2LineInfoChanged
{
    /// <summary>The line's info after the change.</summary>
    [FieldOffset(0)]
    public GpioV2LineInfo Info;

    /// <summary>When, CLOCK_MONOTONIC nanoseconds.</summary>
    [FieldOffset(256)]
    public ulong TimestampNs;

    /// <summary>REQUESTED (1), RELEASED (2) or CONFIG (3).</summary>
    [FieldOffset(264)]
    public uint EventType;
}
