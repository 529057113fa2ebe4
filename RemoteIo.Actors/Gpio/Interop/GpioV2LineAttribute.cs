using System.Runtime.InteropServices;

namespace RemoteIo.Actors.Gpio.Interop;

/// <summary><c>struct gpio_v2_line_attribute</c>: 16 bytes; the union at offset 8 holds flags, output values or a debounce period.</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal struct GpioV2LineAttribute
{
    /// <summary>Which member of the union is meant (<see cref="GpioUapi.AttrIdFlags"/>, ...).</summary>
    [FieldOffset(0)]
    public uint Id;

    /// <summary>Reserved, zero.</summary>
    [FieldOffset(4)]
    public uint Padding;

    /// <summary>Line flags (id FLAGS).</summary>
    [FieldOffset(8)]
    public ulong Flags;

    /// <summary>Output values (id OUTPUT_VALUES), a bitmap like <see cref="GpioV2LineValues.Bits"/>.</summary>
    [FieldOffset(8)]
    public ulong Values;

    /// <summary>Debounce period in microseconds (id DEBOUNCE).</summary>
    [FieldOffset(8)]
    public uint DebouncePeriodUs;
}
