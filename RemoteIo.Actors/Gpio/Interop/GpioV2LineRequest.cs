using System.Runtime.InteropServices;

namespace RemoteIo.Actors.Gpio.Interop;

/// <summary><c>struct gpio_v2_line_request</c>: 592 bytes; GPIO_V2_GET_LINE_IOCTL fills <see cref="Fd"/>.</summary>
[StructLayout(LayoutKind.Explicit, Size = 592)]
internal unsafe struct GpioV2LineRequest
{
    /// <summary>The line offsets requested.</summary>
    [FieldOffset(0)]
    public fixed uint Offsets[GpioUapi.LinesMax];

    /// <summary>The consumer label, NUL-terminated.</summary>
    [FieldOffset(256)]
    public fixed byte Consumer[GpioUapi.MaxNameSize];

    /// <summary>The requested configuration.</summary>
    [FieldOffset(288)]
    public GpioV2LineConfig Config;

    /// <summary>How many of <see cref="Offsets"/> are used.</summary>
    [FieldOffset(560)]
    public uint NumLines;

    /// <summary>Edge event buffer size hint (0: kernel default, 16 per line).</summary>
    [FieldOffset(564)]
    public uint EventBufferSize;

    /// <summary>Reserved, zero.</summary>
    [FieldOffset(568)]
    public fixed uint Padding[5];

    /// <summary>The request's file descriptor, set by the kernel.</summary>
    [FieldOffset(588)]
    public int Fd;
}
