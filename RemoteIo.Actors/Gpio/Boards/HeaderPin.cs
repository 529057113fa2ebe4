namespace RemoteIo.Actors.Gpio.Boards;

/// <summary>One position of the 40-pin header.</summary>
/// <param name="Position">The physical position, 1..40 (odd positions on the inner row).</param>
/// <param name="Role">What the position is.</param>
/// <param name="Gpio">The BCM/GPIO number, -1 for power and ground.</param>
/// <param name="Name">The label on pinout diagrams, e.g. "GPIO18 (PCM_CLK, PWM0)", "5V", "GND".</param>
public sealed record HeaderPin(int Position, HeaderPinRole Role, int Gpio, string Name)
{
    /// <summary>True when the position is a GPIO (including the ID EEPROM pair).</summary>
    public bool IsGpio => Gpio >= 0;
}
