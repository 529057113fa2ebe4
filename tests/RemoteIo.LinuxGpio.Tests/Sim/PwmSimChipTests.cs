using Xunit;

namespace RemoteIo.LinuxGpio.Tests.Sim;

/// <summary>
/// The test apparatus itself: the kernel's PWM core over pwm-sim enforces the rules the PWM tests
/// rely on, and what it applies reaches pwm-sim's driver.
/// </summary>
public sealed class PwmSimChipTests
{
    [Fact]
    public void Export_FreshChannel_AllZeroAndNothingApplied()
    {
        var chip = PwmSimChip.Find();
        var channel = chip.TakeFreshChannel();

        KernelFile.Write(Path.Combine(chip.ChipDirectory, "export"), $"{channel}");

        var directory = chip.ChannelDirectory(channel);
        Assert.Equal(("0", "0", "0"), (KernelFile.Read($"{directory}/period"), KernelFile.Read($"{directory}/duty_cycle"), KernelFile.Read($"{directory}/enable")));
        Assert.Equal(new PwmSimState(0, 0, false, false, 0), chip.Applied(channel));
    }

    [Fact]
    public void Write_PeriodDutyPolarityEnable_ReachTheDriverInOneStateEach()
    {
        var chip = PwmSimChip.Find();
        var channel = chip.TakeFreshChannel();
        KernelFile.Write(Path.Combine(chip.ChipDirectory, "export"), $"{channel}");
        var directory = chip.ChannelDirectory(channel);

        KernelFile.Write($"{directory}/period", "1000000");
        KernelFile.Write($"{directory}/duty_cycle", "250000");
        KernelFile.Write($"{directory}/polarity", "inversed");
        KernelFile.Write($"{directory}/enable", "1");

        Assert.Equal(new PwmSimState(1_000_000, 250_000, true, true, 4), chip.Applied(channel));
    }

    [Fact]
    public void Write_DutyWhilePeriodZero_KernelRefusesWithInvalidArgument()
    {
        var chip = PwmSimChip.Find();
        var channel = chip.TakeFreshChannel();
        KernelFile.Write(Path.Combine(chip.ChipDirectory, "export"), $"{channel}");

        var error = Assert.Throws<IOException>(() => KernelFile.Write($"{chip.ChannelDirectory(channel)}/duty_cycle", "100"));

        Assert.Contains("Invalid argument", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, chip.Applied(channel).Applies);
    }
}
