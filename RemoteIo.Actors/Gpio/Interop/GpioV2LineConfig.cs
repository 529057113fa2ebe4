using System.Runtime.InteropServices;

namespace RemoteIo.Actors.Gpio.Interop;

/// <summary><c>struct gpio_v2_line_config</c>: 272 bytes; default flags plus up to 10 per-line attributes.</summary>
[StructLayout(LayoutKind.Explicit, Size = 272)]
internal unsafe struct GpioV2LineConfig
{
    /// <summary>Flags for every line no FLAGS attribute overrides.</summary>
    [FieldOffset(0)]
    public ulong Flags;

    /// <summary>How many of <see cref="Attrs"/> are used.</summary>
    [FieldOffset(8)]
    public uint NumAttrs;

    /// <summary>Reserved, zero.</summary>
    [FieldOffset(12)]
    public fixed uint Padding[5];

    /// <summary>The attributes.</summary>
    [FieldOffset(32)]
    public GpioV2LineConfigAttributes Attrs;
}
