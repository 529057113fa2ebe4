using RemoteIo.Actors.Compat.RemoteioText;

namespace RemoteIo.Actors.Compat.Tests.Fakes;

/// <summary>The 40-pin header of a Raspberry Pi: board positions to BCM GPIOs, power and ground named.</summary>
public static class FakeHeader
{
    private static readonly Dictionary<int, int> GpioToBoard = new()
    {
        [0] = 27, [1] = 28, [2] = 3, [3] = 5, [4] = 7, [5] = 29, [6] = 31, [7] = 26, [8] = 24, [9] = 21,
        [10] = 19, [11] = 23, [12] = 32, [13] = 33, [14] = 8, [15] = 10, [16] = 36, [17] = 11, [18] = 12,
        [19] = 35, [20] = 38, [21] = 40, [22] = 15, [23] = 16, [24] = 18, [25] = 22, [26] = 37, [27] = 13,
    };

    private static readonly Dictionary<int, string> Power = new()
    {
        [1] = "3V3 power", [17] = "3V3 power", [2] = "5V power", [4] = "5V power",
        [6] = "ground", [9] = "ground", [14] = "ground", [20] = "ground", [25] = "ground",
        [30] = "ground", [34] = "ground", [39] = "ground",
    };

    /// <summary>Resolves a pin to its GPIO, or says why it is not one.</summary>
    public static bool TryResolve(RemoteioPin pin, out int gpio, out string? error)
    {
        error = null;
        gpio = -1;
        if (pin.Numbering == RemoteioNumbering.Gpio)
        {
            if (GpioToBoard.ContainsKey(pin.Number))
            {
                gpio = pin.Number;
                return true;
            }

            error = $"GPIO {pin.Number} is not on the 40-pin header (GPIO 0-27)";
            return false;
        }

        if (Power.TryGetValue(pin.Number, out var what))
        {
            error = $"board pin {pin.Number} is {what}, not a GPIO";
            return false;
        }

        foreach (var (g, b) in GpioToBoard)
        {
            if (b == pin.Number)
            {
                gpio = g;
                return true;
            }
        }

        error = $"board pin {pin.Number} does not exist (the header has 1-40)";
        return false;
    }

    /// <summary>The board position of a GPIO.</summary>
    public static int BoardOf(int gpio) => GpioToBoard[gpio];
}
