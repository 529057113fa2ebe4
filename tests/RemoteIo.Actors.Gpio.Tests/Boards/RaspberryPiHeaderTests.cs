using RemoteIo.Actors.Gpio.Boards;
using Xunit;

namespace RemoteIo.Actors.Gpio.Tests.Boards;

/// <summary>The 40-pin header map, position by position, and the pin number value type.</summary>
public sealed class RaspberryPiHeaderTests
{
    /// <summary>Every position: role and GPIO (-1 for power and ground), from the Raspberry Pi pinout.</summary>
    public static TheoryData<int, HeaderPinRole, int> Positions => new()
    {
        { 1, HeaderPinRole.Power3V3, -1 }, { 2, HeaderPinRole.Power5V, -1 },
        { 3, HeaderPinRole.Gpio, 2 }, { 4, HeaderPinRole.Power5V, -1 },
        { 5, HeaderPinRole.Gpio, 3 }, { 6, HeaderPinRole.Ground, -1 },
        { 7, HeaderPinRole.Gpio, 4 }, { 8, HeaderPinRole.Gpio, 14 },
        { 9, HeaderPinRole.Ground, -1 }, { 10, HeaderPinRole.Gpio, 15 },
        { 11, HeaderPinRole.Gpio, 17 }, { 12, HeaderPinRole.Gpio, 18 },
        { 13, HeaderPinRole.Gpio, 27 }, { 14, HeaderPinRole.Ground, -1 },
        { 15, HeaderPinRole.Gpio, 22 }, { 16, HeaderPinRole.Gpio, 23 },
        { 17, HeaderPinRole.Power3V3, -1 }, { 18, HeaderPinRole.Gpio, 24 },
        { 19, HeaderPinRole.Gpio, 10 }, { 20, HeaderPinRole.Ground, -1 },
        { 21, HeaderPinRole.Gpio, 9 }, { 22, HeaderPinRole.Gpio, 25 },
        { 23, HeaderPinRole.Gpio, 11 }, { 24, HeaderPinRole.Gpio, 8 },
        { 25, HeaderPinRole.Ground, -1 }, { 26, HeaderPinRole.Gpio, 7 },
        { 27, HeaderPinRole.IdEeprom, 0 }, { 28, HeaderPinRole.IdEeprom, 1 },
        { 29, HeaderPinRole.Gpio, 5 }, { 30, HeaderPinRole.Ground, -1 },
        { 31, HeaderPinRole.Gpio, 6 }, { 32, HeaderPinRole.Gpio, 12 },
        { 33, HeaderPinRole.Gpio, 13 }, { 34, HeaderPinRole.Ground, -1 },
        { 35, HeaderPinRole.Gpio, 19 }, { 36, HeaderPinRole.Gpio, 16 },
        { 37, HeaderPinRole.Gpio, 26 }, { 38, HeaderPinRole.Gpio, 20 },
        { 39, HeaderPinRole.Ground, -1 }, { 40, HeaderPinRole.Gpio, 21 },
    };

    [Theory]
    [MemberData(nameof(Positions))]
    public void AtPosition_EveryPosition_HasItsRoleAndGpio(int position, HeaderPinRole role, int gpio)
    {
        var pin = RaspberryPiHeader.AtPosition(position);
        Assert.Equal((position, role, gpio), (pin.Position, pin.Role, pin.Gpio));
        if (gpio >= 0)
        {
            Assert.Equal(gpio, RaspberryPiHeader.GpioAtPosition(position));
            Assert.Equal(position, RaspberryPiHeader.PositionOfGpio(gpio));
            Assert.Equal(PinNumber.FromGpio(gpio), PinNumber.FromBoard(position));
        }
        else
        {
            Assert.Throws<NotAGpioException>(() => RaspberryPiHeader.GpioAtPosition(position));
        }
    }

    [Fact]
    public void Pins_Header_HasFortyPositionsAndEveryGpioZeroToTwentySevenOnce()
    {
        Assert.Equal(Enumerable.Range(1, 40), RaspberryPiHeader.Pins.Select(p => p.Position));
        Assert.Equal(Enumerable.Range(0, 28), RaspberryPiHeader.Pins.Where(p => p.IsGpio).Select(p => p.Gpio).Order());
        Assert.Equal(8, RaspberryPiHeader.Pins.Count(p => p.Role == HeaderPinRole.Ground));
        Assert.Equal(28, RaspberryPiHeader.Gpios.Count);
    }

    [Fact]
    public void FromBoard_Seven_IsGpioFourAndEqualToIt()
    {
        var board = PinNumber.FromBoard(7);
        var gpio = PinNumber.FromGpio(4);
        Assert.Equal(4, board.Gpio);
        Assert.Equal(7, gpio.Board);
        Assert.Equal(gpio, board);
        Assert.True(board == gpio);
        Assert.Equal(gpio.GetHashCode(), board.GetHashCode());
        Assert.Equal("GPIO 4 (board 7)", board.ToString());
    }

    [Theory]
    [InlineData(2, "board pin 2 is 5V power, not a GPIO")]
    [InlineData(4, "board pin 4 is 5V power, not a GPIO")]
    [InlineData(1, "board pin 1 is 3.3V power, not a GPIO")]
    [InlineData(17, "board pin 17 is 3.3V power, not a GPIO")]
    [InlineData(6, "board pin 6 is ground, not a GPIO")]
    [InlineData(39, "board pin 39 is ground, not a GPIO")]
    [InlineData(0, "board pin 0 does not exist: the header has positions 1..40")]
    [InlineData(41, "board pin 41 does not exist: the header has positions 1..40")]
    public void FromBoard_NotAGpio_RefusedWithTheMissionMessage(int position, string message)
    {
        var error = Assert.Throws<NotAGpioException>(() => PinNumber.FromBoard(position));
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData(28)]
    [InlineData(53)]
    [InlineData(-1)]
    public void FromGpio_OffTheHeader_RefusedClearly(int gpio)
    {
        var error = Assert.Throws<NotAGpioException>(() => PinNumber.FromGpio(gpio));
        Assert.Equal($"GPIO {gpio} is not on the 40-pin header (its GPIOs are 0..27)", error.Message);
    }

    [Theory]
    [InlineData("b7", 4)]
    [InlineData("BOARD 7", 4)]
    [InlineData("board12", 18)]
    [InlineData("pin40", 21)]
    [InlineData("g4", 4)]
    [InlineData("GPIO17", 17)]
    [InlineData("bcm 27", 27)]
    [InlineData(" 22 ", 22)]
    public void Parse_BothNumberings_GiveTheGpio(string text, int gpio) => Assert.Equal(gpio, PinNumber.Parse(text).Gpio);

    [Theory]
    [InlineData("b2", "board pin 2 is 5V power, not a GPIO")]
    [InlineData("x4", "\"x4\" is not a pin: write a GPIO number (g4, GPIO4, 4) or a board position (b7, BOARD7)")]
    [InlineData("g-1", "\"g-1\" is not a pin: write a GPIO number (g4, GPIO4, 4) or a board position (b7, BOARD7)")]
    public void TryParse_NotAPin_ReportsWhy(string text, string message)
    {
        Assert.False(PinNumber.TryParse(text, out _, out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void Role_IdEepromPins_MarkedReserved()
    {
        Assert.Equal(HeaderPinRole.IdEeprom, PinNumber.FromGpio(0).Role);
        Assert.Equal(HeaderPinRole.IdEeprom, PinNumber.FromBoard(28).Role);
        Assert.Equal(HeaderPinRole.Gpio, PinNumber.FromGpio(2).Role);
    }
}
