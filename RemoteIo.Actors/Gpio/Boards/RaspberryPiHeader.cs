namespace RemoteIo.Actors.Gpio.Boards;

/// <summary>
/// The 40-pin header every 40-pin Raspberry Pi shares — A+, B+, 2B, 3B, 3B+, 3A+, 4B, 400, 5, 500,
/// Zero, Zero W, Zero 2 W — and the map between board positions and BCM/GPIO numbers.
/// </summary>
public static class RaspberryPiHeader
{
    /// <summary>How many positions the header has.</summary>
    public const int PositionCount = 40;

    /// <summary>The highest GPIO number on the header (GPIO 0..27 are all there).</summary>
    public const int MaxHeaderGpio = 27;

    /// <summary>The positions in order (index = position - 1).</summary>
    private static readonly HeaderPin[] Layout =
    [
        Power(1, HeaderPinRole.Power3V3), Power(2, HeaderPinRole.Power5V),
        Gpio(3, 2, "GPIO2 (SDA1)"), Power(4, HeaderPinRole.Power5V),
        Gpio(5, 3, "GPIO3 (SCL1)"), Power(6, HeaderPinRole.Ground),
        Gpio(7, 4, "GPIO4 (GPCLK0)"), Gpio(8, 14, "GPIO14 (TXD)"),
        Power(9, HeaderPinRole.Ground), Gpio(10, 15, "GPIO15 (RXD)"),
        Gpio(11, 17, "GPIO17"), Gpio(12, 18, "GPIO18 (PCM_CLK, PWM0)"),
        Gpio(13, 27, "GPIO27"), Power(14, HeaderPinRole.Ground),
        Gpio(15, 22, "GPIO22"), Gpio(16, 23, "GPIO23"),
        Power(17, HeaderPinRole.Power3V3), Gpio(18, 24, "GPIO24"),
        Gpio(19, 10, "GPIO10 (MOSI)"), Power(20, HeaderPinRole.Ground),
        Gpio(21, 9, "GPIO9 (MISO)"), Gpio(22, 25, "GPIO25"),
        Gpio(23, 11, "GPIO11 (SCLK)"), Gpio(24, 8, "GPIO8 (CE0)"),
        Power(25, HeaderPinRole.Ground), Gpio(26, 7, "GPIO7 (CE1)"),
        new HeaderPin(27, HeaderPinRole.IdEeprom, 0, "GPIO0 (ID_SD)"), new HeaderPin(28, HeaderPinRole.IdEeprom, 1, "GPIO1 (ID_SC)"),
        Gpio(29, 5, "GPIO5"), Power(30, HeaderPinRole.Ground),
        Gpio(31, 6, "GPIO6"), Gpio(32, 12, "GPIO12 (PWM0)"),
        Gpio(33, 13, "GPIO13 (PWM1)"), Power(34, HeaderPinRole.Ground),
        Gpio(35, 19, "GPIO19 (PCM_FS, PWM1)"), Gpio(36, 16, "GPIO16"),
        Gpio(37, 26, "GPIO26"), Gpio(38, 20, "GPIO20 (PCM_DIN)"),
        Power(39, HeaderPinRole.Ground), Gpio(40, 21, "GPIO21 (PCM_DOUT)"),
    ];

    /// <summary>Per GPIO 0..27, its position.</summary>
    private static readonly int[] PositionByGpio = BuildPositionIndex();

    /// <summary>All 40 positions in order.</summary>
    public static IReadOnlyList<HeaderPin> Pins => Layout;

    /// <summary>The 28 GPIOs on the header (0..27), in GPIO order.</summary>
    public static IReadOnlyList<int> Gpios { get; } = [.. Enumerable.Range(0, MaxHeaderGpio + 1)];

    /// <summary>The position <paramref name="position"/>.</summary>
    /// <param name="position">1..40.</param>
    /// <returns>What is there.</returns>
    /// <exception cref="NotAGpioException">The position does not exist.</exception>
    public static HeaderPin AtPosition(int position) =>
        position is >= 1 and <= PositionCount
            ? Layout[position - 1]
            : throw new NotAGpioException($"board pin {position} does not exist: the header has positions 1..{PositionCount}");

    /// <summary>The GPIO at a board position; refuses power and ground with the message users see (MISSION.md).</summary>
    /// <param name="position">1..40.</param>
    /// <returns>The BCM/GPIO number.</returns>
    /// <exception cref="NotAGpioException">"board pin 2 is 5V power, not a GPIO", "board pin 6 is ground, not a GPIO", ...</exception>
    public static int GpioAtPosition(int position)
    {
        var pin = AtPosition(position);
        return pin.Role switch
        {
            HeaderPinRole.Power5V => throw new NotAGpioException($"board pin {position} is 5V power, not a GPIO"),
            HeaderPinRole.Power3V3 => throw new NotAGpioException($"board pin {position} is 3.3V power, not a GPIO"),
            HeaderPinRole.Ground => throw new NotAGpioException($"board pin {position} is ground, not a GPIO"),
            _ => pin.Gpio,
        };
    }

    /// <summary>The board position of a header GPIO.</summary>
    /// <param name="gpio">0..27.</param>
    /// <returns>The position, 1..40.</returns>
    /// <exception cref="NotAGpioException">The GPIO is not on the header.</exception>
    public static int PositionOfGpio(int gpio) =>
        gpio is >= 0 and <= MaxHeaderGpio
            ? PositionByGpio[gpio]
            : throw new NotAGpioException($"GPIO {gpio} is not on the 40-pin header (its GPIOs are 0..{MaxHeaderGpio})");

    /// <summary>Whether a GPIO number is on the header.</summary>
    /// <param name="gpio">Any number.</param>
    /// <returns>True for 0..27.</returns>
    public static bool IsHeaderGpio(int gpio) => gpio is >= 0 and <= MaxHeaderGpio;

    /// <summary>A GPIO position.</summary>
    private static HeaderPin Gpio(int position, int gpio, string name) => new(position, HeaderPinRole.Gpio, gpio, name);

    /// <summary>A power or ground position.</summary>
    private static HeaderPin Power(int position, HeaderPinRole role) => new(
        position,
        role,
        -1,
        role switch
        {
            HeaderPinRole.Power3V3 => "3V3",
            HeaderPinRole.Power5V => "5V",
            _ => "GND",
        });

    /// <summary>Inverts the layout for GPIO → position.</summary>
    private static int[] BuildPositionIndex()
    {
        var index = new int[MaxHeaderGpio + 1];
        foreach (var pin in Layout.Where(p => p.IsGpio))
        {
            index[pin.Gpio] = pin.Position;
        }

        return index;
    }
}
