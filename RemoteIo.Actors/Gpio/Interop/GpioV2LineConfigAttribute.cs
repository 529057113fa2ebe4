using System.Runtime.InteropServices;

namespace RemoteIo.Actors.Gpio.Interop;

/// <summary><c>struct gpio_v2_line_config_attribute</c>: 24 bytes; an attribute and the lines it applies to.</summary>
[StructLayout(LayoutKind.Explicit, Size = 24)]
internal struct GpioV2LineConfigAttribute
{
    /// <summary>The attribute.</summary>
    [FieldOffset(0)]
    public GpioV2LineAttribute Attr;

    /// <summary>The lines of the request it applies to (bit i = i-th line).</summary>
    [FieldOffset(16)]
    public ulong Mask;
}
