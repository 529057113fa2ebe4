using System.Runtime.InteropServices;

namespace RemoteIo.Actors.Gpio.Interop;

/// <summary><c>struct gpio_v2_line_info</c>: 256 bytes; set <see cref="Offset"/>, call GPIO_V2_GET_LINEINFO_IOCTL.</summary>
[StructLayout(LayoutKind.Explicit, Size = 256)]
internal unsafe struct GpioV2LineInfo
{
    /// <summary>The line name, NUL-terminated.</summary>
    [FieldOffset(0)]
    public fixed byte Name[GpioUapi.MaxNameSize];

    /// <summary>The holder's consumer label, NUL-terminated.</summary>
    [FieldOffset(32)]
    public fixed byte Consumer[GpioUapi.MaxNameSize];

    /// <summary>The line offset (input).</summary>
    [FieldOffset(64)]
    public uint Offset;

    /// <summary>How many of <see cref="Attrs"/> are used.</summary>
    [FieldOffset(68)]
    public uint NumAttrs;

    /// <summary>The line's flags.</summary>
    [FieldOffset(72)]
    public ulong Flags;

    /// <summary>Attributes (a debounce period, for instance).</summary>
    [FieldOffset(80)]
    public GpioV2LineAttributes Attrs;

    /// <summary>Reserved, zero.</summary>
    [FieldOffset(240)]
    public fixed uint Padding[4];
}
