using System.Runtime.InteropServices;

namespace RemoteIo.Actors.Gpio.Interop;

/// <summary><c>struct gpiochip_info</c> (linux/gpio.h): 68 bytes, filled by GPIO_GET_CHIPINFO_IOCTL.</summary>
[StructLayout(LayoutKind.Explicit, Size = 68)]
internal unsafe struct GpioChipInfoNative
{
    /// <summary>The kernel name (gpiochipN), NUL-terminated.</summary>
    [FieldOffset(0)]
    public fixed byte Name[GpioUapi.MaxNameSize];

    /// <summary>The chip label, NUL-terminated.</summary>
    [FieldOffset(32)]
    public fixed byte Label[GpioUapi.MaxNameSize];

    /// <summary>How many lines the chip has.</summary>
    [FieldOffset(64)]
    public uint Lines;
}
