using System.Globalization;

namespace RemoteIo.Actors.Gpio.Boards;

/// <summary>
/// A pin of the 40-pin header, held as its BCM/GPIO number and knowing its board position, so
/// <c>PinNumber.FromBoard(7) == PinNumber.FromGpio(4)</c>: "board 7" and "GPIO 4" are one pin, and
/// claiming one then the other is a duplicate.
/// </summary>
public readonly record struct PinNumber
{
    /// <summary>Creates the pin for a validated header GPIO.</summary>
    /// <param name="gpio">0..27.</param>
    private PinNumber(int gpio) => Gpio = gpio;

    /// <summary>The BCM/GPIO number (the chip line offset on a Raspberry Pi).</summary>
    public int Gpio { get; }

    /// <summary>The physical header position, 1..40.</summary>
    public int Board => RaspberryPiHeader.PositionOfGpio(Gpio);

    /// <summary>What the position is (a plain GPIO, or the ID EEPROM pair GPIO 0/1).</summary>
    public HeaderPinRole Role => RaspberryPiHeader.AtPosition(Board).Role;

    /// <summary>The pin with BCM/GPIO number <paramref name="gpio"/> (remoteio's <c>g</c>).</summary>
    /// <param name="gpio">0..27.</param>
    /// <returns>The pin.</returns>
    /// <exception cref="NotAGpioException">The GPIO is not on the header.</exception>
    public static PinNumber FromGpio(int gpio)
    {
        _ = RaspberryPiHeader.PositionOfGpio(gpio);
        return new PinNumber(gpio);
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
    public override string ToString() => $"GPIO {Gpio} (board {Board})";

    /// <summary>The accepted prefixes, longest first, and whether each means a board position.</summary>
    private static readonly (string Prefix, bool Board)[] Prefixes =
    [
        ("BOARD", true), ("GPIO", false), ("BCM", false), ("PIN", true), ("B", true), ("G", false), (string.Empty, false),
    ];
}
