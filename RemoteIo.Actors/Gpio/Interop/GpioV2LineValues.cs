using System.Runtime.InteropServices;

namespace RemoteIo.Actors.Gpio.Interop;

/// <summary><c>struct gpio_v2_line_values</c>: 16 bytes; bit i is the i-th line of the request.</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal struct GpioV2LineValues
{
    /// <summary>The values (1 = active).</summary>
    [FieldOffset(0)]
    public ulong Bits;

    /// <summary>Which lines the call concerns.</summary>
    [FieldOffset(8)]
    public ulong Mask;
}
