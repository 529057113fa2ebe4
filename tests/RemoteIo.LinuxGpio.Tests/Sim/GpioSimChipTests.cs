using Xunit;

namespace RemoteIo.LinuxGpio.Tests.Sim;

/// <summary>The test apparatus itself: gpio-sim devices made through configfs behave as the tests assume.</summary>
public sealed class GpioSimChipTests
{
    [Fact]
    public void Create_NamedLines_ChipIsLiveWithCharacterDeviceAndSysfs()
    {
        using var chip = GpioSimChip.Create("apparatus-live", lines: 8, lineNames: new Dictionary<int, string> { [3] = "led" });

        Assert.Matches("^gpiochip[0-9]+$", chip.ChipName);
        Assert.True(File.Exists(chip.DevicePath), $"{chip.DevicePath} does not exist");
        Assert.True(Directory.Exists(Path.Combine(chip.SysfsDirectory, "sim_gpio7")), $"{chip.SysfsDirectory}/sim_gpio7 does not exist");
    }

    [Fact]
    public void Drive_HighThenLow_ValueFollowsThePull()
    {
        using var chip = GpioSimChip.Create("apparatus-pull", lines: 4);

        chip.Drive(2, high: true);
        Assert.Equal((1, "pull-up"), (chip.Value(2), chip.Pull(2)));
        chip.Drive(2, high: false);
        Assert.Equal((0, "pull-down"), (chip.Value(2), chip.Pull(2)));
    }

    [Fact]
    public void Dispose_LiveChip_RemovesDeviceAndCharacterDevice()
    {
        var chip = GpioSimChip.Create("apparatus-dispose", lines: 2);
        var device = chip.DevicePath;

        chip.Dispose();

        Assert.False(Directory.Exists(Path.Combine(KernelVm.GpioSimConfigfs, "apparatus-dispose")), "the configfs directory is still there");
        Assert.False(File.Exists(device), $"{device} is still there");
    }
}
