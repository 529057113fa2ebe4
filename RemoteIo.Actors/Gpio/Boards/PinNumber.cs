using System.Globalization;

namespace RemoteIo.Actors.Gpio.Boards;

/// <summary>
/// A pin of the 40-pin header, held as its BCM/GPIO number and knowing its board position, so
/// <c>PinNumber.FromBoard(7) == PinNumber.FromGpio(4)</c>: "board 7" and "GPIO 4" are one pin, and
/// claiming one then the other is a duplicate. On a chip without a header map (the simulated one)
/// a line beyond the header is a pin too (<see cref="FromChipLine"/>), with board position 0.
/// </summary>
public readonly record struct PinNumber
{
    /// <summary>Creates the pin for a validated header GPIO or chip line.</summary>
    /// <param name="gpio">0..27, or any line of a chip without a header map.</param>
    private PinNumber(int gpio) => Gpio = gpio;

    /// <summary>The BCM/GPIO number (the chip line offset on a Raspberry Pi).</summary>
    public int Gpio { get; }

    /// <summary>The physical header position, 1..40; 0 for a chip line off the header.</summary>
    public int Board => RaspberryPiHeader.IsHeaderGpio(Gpio) ? RaspberryPiHeader.PositionOfGpio(Gpio) : 0;

    /// <summary>What the position is (a plain GPIO, or the ID EEPROM pair GPIO 0/1); a line off the header is a plain GPIO.</summary>
    public HeaderPinRole Role => Board == 0 ? HeaderPinRole.Gpio : RaspberryPiHeader.AtPosition(Board).Role;

    /// <summary>The pin with BCM/GPIO number <paramref name="gpio"/> (remoteio's <c>g</c>).</summary>
    /// <param name="gpio">0..27.</param>
    /// <returns>The pin.</returns>
    /// <exception cref="NotAGpioException">The GPIO is not on the header.</exception>
    public static PinNumber FromGpio(int gpio)
    {
        _ = RaspberryPiHeader.PositionOfGpio(gpio);
        return new PinNumber(gpio);
    }

    /// <summary>
    /// Line <paramref name="line"/> of a chip that has no header map (the simulated chip with more
    /// lines than the header has GPIOs): a header GPIO keeps its board position, a line beyond has
    /// none. Never use it for a real Raspberry Pi, whose lines 28 and up drive the SoC's own devices.
    /// </summary>
    /// <param name="line">0 or more; the caller checks it against the chip's line count.</param>
    /// <returns>The pin.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The line is negative.</exception>
    public static PinNumber FromChipLine(int line)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(line);
        return new PinNumber(line);
    }

    /// <summary>The pin at board position <paramref name="position"/> (remoteio's <c>b</c>).</summary>
    /// <param name="position">1..40.</param>
    /// <returns>The pin.</returns>
    /// <exception cref="NotAGpioException">Power, ground, or no such position — with the message users see.</exception>
    public static PinNumber FromBoard(int position) => new(RaspberryPiHeader.GpioAtPosition(position));

    /// <summary>
    /// Parses "g4", "gpio4", "GPIO 4", "bcm4" or a bare "4" as a GPIO number, and "b7", "board7",
    /// "BOARD 7" or "pin7" as a board position.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The pin.</returns>
    /// <exception cref="NotAGpioException">The text is not a pin, or names power, ground or a GPIO off the header.</exception>
    public static PinNumber Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        foreach (var (prefix, board) in Prefixes)
        {
            if (s.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(s.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return board ? FromBoard(number) : FromGpio(number);
            }
        }

        throw new NotAGpioException($"\"{text}\" is not a pin: write a GPIO number (g4, GPIO4, 4) or a board position (b7, BOARD7)");
    }

    /// <summary>Parses like <see cref="Parse"/> without throwing.</summary>
    /// <param name="text">The text.</param>
    /// <param name="pin">The pin when successful.</param>
    /// <param name="error">Why not, when unsuccessful.</param>
    /// <returns>True on success.</returns>
    public static bool TryParse(string text, out PinNumber pin, out string error)
    {
        try
        {
            pin = Parse(text);
            error = string.Empty;
            return true;
        }
        catch (NotAGpioException ex)
        {
            pin = default;
            error = ex.Message;
            return false;
        }
    }

    /// <summary>"GPIO 4 (board 7)".</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Board == 0 ? $"GPIO {Gpio} (off the header)" : $"GPIO {Gpio} (board {Board})";

    /// <summary>The accepted prefixes, longest first, and whether each means a board position.</summary>
    private static readonly (string Prefix, bool Board)[] Prefixes =
    [
        ("BOARD", true), ("GPIO", false), ("BCM", false), ("PIN", true), ("B", true), ("G", false), (string.Empty, false),
    ];
}
