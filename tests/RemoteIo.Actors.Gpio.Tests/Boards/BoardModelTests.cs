using RemoteIo.Actors.Gpio.Boards;
using RemoteIo.Actors.Gpio.Tests.Pwm;
using Xunit;

namespace RemoteIo.Actors.Gpio.Tests.Boards;

/// <summary>Board detection from the device tree and the hardware PWM map.</summary>
public sealed class BoardModelTests
{
    [Theory]
    [InlineData("Raspberry Pi 5 Model B Rev 1.0", SocFamily.Bcm2712, true)]
    [InlineData("Raspberry Pi 500 Rev 1.0", SocFamily.Bcm2712, true)]
    [InlineData("Raspberry Pi Compute Module 5 Rev 1.0", SocFamily.Bcm2712, true)]
    [InlineData("Raspberry Pi 4 Model B Rev 1.4", SocFamily.Bcm2711, true)]
    [InlineData("Raspberry Pi 400 Rev 1.0", SocFamily.Bcm2711, true)]
    [InlineData("Raspberry Pi 3 Model B Plus Rev 1.3", SocFamily.Bcm283x, true)]
    [InlineData("Raspberry Pi Zero 2 W Rev 1.0", SocFamily.Bcm283x, true)]
    [InlineData("Raspberry Pi Zero W Rev 1.1", SocFamily.Bcm283x, true)]
    [InlineData("Raspberry Pi 2 Model B Rev 1.1", SocFamily.Bcm283x, true)]
    [InlineData("Raspberry Pi Model B Plus Rev 1.2", SocFamily.Bcm283x, true)]
    [InlineData("Raspberry Pi Model B Rev 2", SocFamily.Bcm283x, false)]
    [InlineData("QEMU Virtual Machine", SocFamily.Unknown, true)]
    public void Parse_ModelStrings_RecogniseTheSocAndHeader(string model, SocFamily soc, bool fortyPins)
    {
        var board = BoardModel.Parse(model + "\0");
        Assert.Equal((soc, fortyPins), (board.Soc, board.HasFortyPinHeader));
    }

    [Fact]
    public void Detect_DeviceTreeFileWithTrailingNul_ReadsTheModel()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "Raspberry Pi 4 Model B Rev 1.5\0");
            var board = BoardModel.Detect(path);
            Assert.Equal("Raspberry Pi 4 Model B Rev 1.5", board.Name);
            Assert.Equal(SocFamily.Bcm2711, board.Soc);
            Assert.Equal(SocFamily.Bcm2712, BoardModel.Detect(path, overrideModel: "Raspberry Pi 5").Soc);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Detect_NoDeviceTree_Unknown()
    {
        var board = BoardModel.Detect("/nonexistent/device-tree/model");
        Assert.Same(BoardModel.Unknown, board);
        Assert.Empty(board.HardwarePwmChannels);
        Assert.Null(board.HardwarePwmFor(18));
    }

    [Theory]
    [InlineData(12, 0)]
    [InlineData(13, 1)]
    [InlineData(18, 2)]
    [InlineData(19, 3)]
    public void HardwarePwmFor_Pi5_Rp1ChannelsZeroToThree(int gpio, int channel)
    {
        var pwm = BoardModel.Parse("Raspberry Pi 5 Model B Rev 1.0").HardwarePwmFor(gpio);
        Assert.NotNull(pwm);
        Assert.Equal((channel, 4), (pwm.Channel, pwm.ChannelCount));
    }

    [Theory]
    [InlineData(12, 0)]
    [InlineData(18, 0)]
    [InlineData(13, 1)]
    [InlineData(19, 1)]
    public void HardwarePwmFor_Pi4_Pwmchip0ChannelsZeroAndOne(int gpio, int channel)
    {
        var pwm = BoardModel.Parse("Raspberry Pi 4 Model B Rev 1.4").HardwarePwmFor(gpio);
        Assert.NotNull(pwm);
        Assert.Equal((channel, 2), (pwm.Channel, pwm.ChannelCount));
        Assert.Null(BoardModel.Parse("Raspberry Pi 4 Model B").HardwarePwmFor(17));
    }

    [Fact]
    public void FindPwmChip_Pi5_TheChipLinkedToTheRp1Pwm0()
    {
        var sysfs = new KernelPwmFileSystem().WithChip(0, 4).WithChip(2, 4);
        sysfs.Links["pwmchip0/device"] = "/sys/devices/platform/axi/1000120000.pcie/1f0009c000.pwm";
        sysfs.Links["pwmchip2/device"] = "/sys/devices/platform/axi/1000120000.pcie/1f00098000.pwm";
        Assert.Equal(2, BoardModel.Parse("Raspberry Pi 5 Model B").FindPwmChip(sysfs.Root, sysfs));
    }

    [Fact]
    public void FindPwmChip_Pi4WithoutLinks_FallsBackToTheChannelCount()
    {
        var sysfs = new KernelPwmFileSystem().WithChip(1, 1).WithChip(3, 2);
        Assert.Equal(3, BoardModel.Parse("Raspberry Pi 4 Model B").FindPwmChip(sysfs.Root, sysfs));
        Assert.Null(BoardModel.Parse("Raspberry Pi 4 Model B").FindPwmChip(sysfs.Root, new KernelPwmFileSystem()));
    }
}
