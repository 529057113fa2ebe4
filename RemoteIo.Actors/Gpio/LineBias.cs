namespace RemoteIo.Actors.Gpio;

/// <summary>
/// The internal resistor applied to a line; the values mirror the kernel's bias flags
/// (<c>GPIO_V2_LINE_FLAG_BIAS_*</c>).
/// </summary>
public enum LineBias
{
    /// <summary>Leave the bias as the hardware has it (no flag sent to the kernel).</summary>
    AsIs = 0,

    /// <summary>Turn the internal resistors off: an undriven pin floats.</summary>
    Disabled = 1,

    /// <summary>Pull an undriven pin high.</summary>
    PullUp = 2,

    /// <summary>Pull an undriven pin low.</summary>
    PullDown = 3,
}
