using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Pwm;
using RemoteIo.LinuxGpio.Tests.Sim;
using Xunit;

namespace RemoteIo.LinuxGpio.Tests.Pwm;

/// <summary>
/// <see cref="SysfsPwmChannel"/> against the kernel's own /sys/class/pwm (PWM core of the booted
/// kernel over pwm-sim): export and unexport, the order of period and duty the kernel demands, and
/// our error for each thing it refuses. What reached the "hardware" is read back from pwm-sim.
/// </summary>
public sealed class SysfsPwmChannelTests
{
    /// <summary>The chip.</summary>
    private readonly PwmSimChip _chip = PwmSimChip.Find();

    [Fact]
    public void Open_ChannelNotExported_ExportsItAndReadsTheFreshState()
    {
        var channel = _chip.TakeFreshChannel();

        using var pwm = SysfsPwmChannel.Open(_chip.ChipNumber, channel);

        Assert.True(Directory.Exists(_chip.ChannelDirectory(channel)));
        Assert.Equal((0L, 0L, false, PwmPolarity.Normal), (pwm.PeriodNanoseconds, pwm.DutyCycleNanoseconds, pwm.IsRunning, pwm.Polarity));
        Assert.Equal(_chip.ChannelDirectory(channel), pwm.ChannelPath);
    }

    [Fact]
    public void Configure_FreshChannel_WritesThePeriodBeforeTheDutyAndTheKernelAccepts()
    {
        var channel = _chip.TakeFreshChannel();
        using var pwm = SysfsPwmChannel.Open(_chip.ChipNumber, channel);

        pwm.Configure(1_000_000, 250_000);

        // Duty first would have been refused (EINVAL, period 0): two applies, period then duty.
        Assert.Equal(new PwmSimState(1_000_000, 250_000, false, false, 2), _chip.Applied(channel));
        Assert.Equal(("1000000", "250000"), (Read(channel, "period"), Read(channel, "duty_cycle")));
    }

    [Fact]
    public void Configure_PeriodShorterThanTheOldDuty_WritesTheDutyFirstAndTheKernelAccepts()
    {
        var channel = _chip.TakeFreshChannel();
        using var pwm = SysfsPwmChannel.Open(_chip.ChipNumber, channel);
        pwm.Configure(1_000_000, 800_000);

        pwm.Configure(100_000, 50_000);

        Assert.Equal(new PwmSimState(100_000, 50_000, false, false, 4), _chip.Applied(channel));
    }

    [Fact]
    public void Configure_DutyLongerThanTheOldPeriod_WritesThePeriodFirstAndTheKernelAccepts()
    {
        var channel = _chip.TakeFreshChannel();
        using var pwm = SysfsPwmChannel.Open(_chip.ChipNumber, channel);
        pwm.Configure(100_000, 50_000);

        pwm.Configure(2_000_000, 1_500_000);

        Assert.Equal(new PwmSimState(2_000_000, 1_500_000, false, false, 4), _chip.Applied(channel));
    }

    [Fact]
    public void FrequencyAndDutyCycle_Set_ReachTheHardwareInNanoseconds()
    {
        var channel = _chip.TakeFreshChannel();
        using var pwm = SysfsPwmChannel.Open(_chip.ChipNumber, channel);

        pwm.Frequency = 1000;
        pwm.DutyCycle = 0.25;

        var applied = _chip.Applied(channel);
        Assert.Equal((1_000_000L, 250_000L), (applied.PeriodNanoseconds, applied.DutyNanoseconds));
    }

    [Fact]
    public void StartAndStop_ConfiguredChannel_EnableReachesTheHardware()
    {
        var channel = _chip.TakeFreshChannel();
        using var pwm = SysfsPwmChannel.Open(_chip.ChipNumber, channel);
        pwm.Configure(500_000, 100_000);

        pwm.Start();
        Assert.Equal(("1", true), (Read(channel, "enable"), _chip.Applied(channel).Enabled));
        pwm.Stop();
        Assert.Equal(("0", false), (Read(channel, "enable"), _chip.Applied(channel).Enabled));
    }

    [Fact]
    public void SetPolarity_ConfiguredChannel_InversedReachesTheHardware()
    {
        var channel = _chip.TakeFreshChannel();
        using var pwm = SysfsPwmChannel.Open(_chip.ChipNumber, channel);
        pwm.Configure(500_000, 100_000);

        pwm.SetPolarity(PwmPolarity.Inversed);

        Assert.Equal(("inversed", true), (Read(channel, "polarity"), _chip.Applied(channel).Inversed));
        Assert.Equal(PwmPolarity.Inversed, pwm.Polarity);
    }

    [Fact]
    public void SetPolarity_PeriodStillZero_FailsClearlyAndWritesNothing()
    {
        var channel = _chip.TakeFreshChannel();
        using var pwm = SysfsPwmChannel.Open(_chip.ChipNumber, channel);

        var error = Assert.Throws<GpioInvalidArgumentException>(() => pwm.SetPolarity(PwmPolarity.Inversed));

        // Ours, before the kernel's bare EINVAL: it says what to do.
        Assert.Equal($"{_chip.ChannelDirectory(channel)}: set a frequency (period) before the polarity; the kernel refuses every change while the period is 0", error.Message);
        Assert.Equal(0, error.Errno);
        Assert.Equal(("normal", 0), (Read(channel, "polarity"), _chip.Applied(channel).Applies));
        Assert.Equal(PwmPolarity.Normal, pwm.Polarity);
    }

    [Fact]
    public void KernelRule_PolarityWrittenWhilePeriodIsZero_IsRefusedAsInvalid()
    {
        // The rule SetPolarity checks for: pwm_apply_state refuses any state with period 0.
        var channel = _chip.TakeFreshChannel();
        using var pwm = SysfsPwmChannel.Open(_chip.ChipNumber, channel);

        var error = Assert.ThrowsAny<IOException>(() => KernelFile.Write(Path.Combine(_chip.ChannelDirectory(channel), "polarity"), "inversed"));

        Assert.Equal(22, error.InnerException?.HResult); // EINVAL, as .NET reports an errno
        Assert.Equal(("normal", 0), (Read(channel, "polarity"), _chip.Applied(channel).Applies));
    }

    [Fact]
    public void DutyCycle_PeriodStillZero_FailsClearlyAndWritesNothing()
    {
        var channel = _chip.TakeFreshChannel();
        using var pwm = SysfsPwmChannel.Open(_chip.ChipNumber, channel);

        var error = Assert.Throws<GpioInvalidArgumentException>(() => pwm.DutyCycle = 0.5);

        Assert.Contains("set a frequency (period) before a duty cycle", error.Message, StringComparison.Ordinal);
        Assert.Equal(("0", 0), (Read(channel, "duty_cycle"), _chip.Applied(channel).Applies));
    }

    [Fact]
    public void Start_PeriodStillZero_FailsClearlyAndWritesNothing()
    {
        var channel = _chip.TakeFreshChannel();
        using var pwm = SysfsPwmChannel.Open(_chip.ChipNumber, channel);

        var error = Assert.Throws<GpioInvalidArgumentException>(pwm.Start);

        Assert.Contains("the kernel refuses enable while the period is 0", error.Message, StringComparison.Ordinal);
        Assert.Equal(("0", 0), (Read(channel, "enable"), _chip.Applied(channel).Applies));
    }

    [Fact]
    public void Configure_DutyAbovePeriod_FailsClearlyAndWritesNothing()
    {
        var channel = _chip.TakeFreshChannel();
        using var pwm = SysfsPwmChannel.Open(_chip.ChipNumber, channel);
        pwm.Configure(1_000_000, 0);

        var error = Assert.Throws<GpioInvalidArgumentException>(() => pwm.Configure(1_000_000, 2_000_000));

        Assert.Contains("duty 2000000 ns must be within 0..period (1000000 ns)", error.Message, StringComparison.Ordinal);
        Assert.Equal(new PwmSimState(1_000_000, 0, false, false, 1), _chip.Applied(channel));
    }

    [Fact]
    public void Dispose_ChannelItExported_DisablesAndUnexportsIt()
    {
        var channel = _chip.TakeFreshChannel();
        var pwm = SysfsPwmChannel.Open(_chip.ChipNumber, channel);
        pwm.Configure(1_000_000, 500_000);
        pwm.Start();

        pwm.Dispose();

        // The kernel keeps a channel running after unexport: the channel has to stop it first.
        Assert.False(Directory.Exists(_chip.ChannelDirectory(channel)), "the channel is still exported");
        Assert.False(_chip.Applied(channel).Enabled, "the channel was left running");
    }

    [Fact]
    public void Dispose_ChannelExportedBySomeoneElse_StopsItButLeavesItExported()
    {
        var channel = _chip.TakeFreshChannel();
        KernelFile.Write(Path.Combine(_chip.ChipDirectory, "export"), $"{channel}");
        var pwm = SysfsPwmChannel.Open(_chip.ChipNumber, channel);
        pwm.Configure(1_000_000, 500_000);
        pwm.Start();

        pwm.Dispose();

        Assert.True(Directory.Exists(_chip.ChannelDirectory(channel)), "the channel was unexported although another user exported it");
        Assert.False(_chip.Applied(channel).Enabled);
    }

    [Fact]
    public void Open_ChannelHeldByAKernelDriver_FailsAsBusyWithTheHint()
    {
        Assert.True(_chip.HeldChannel >= 0, "pwm-sim was loaded without held_channel (tests/linux/run.sh sets it)");

        var error = Assert.Throws<GpioBusyException>(() => SysfsPwmChannel.Open(_chip.ChipNumber, _chip.HeldChannel));

        Assert.Equal(16, error.Errno);
        Assert.Contains($"exporting pwmchip{_chip.ChipNumber} channel {_chip.HeldChannel}", error.Message, StringComparison.Ordinal);
        Assert.Contains("another driver (audio, a fan overlay) or process holds it", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_chip.ChannelDirectory(_chip.HeldChannel)));
    }

    [Fact]
    public void Open_ChannelBeyondTheChip_FailsNamingTheChannelsThereAre()
    {
        var error = Assert.Throws<GpioNotFoundException>(() => SysfsPwmChannel.Open(_chip.ChipNumber, _chip.ChannelCount));

        Assert.Equal(
            $"pwmchip{_chip.ChipNumber} has {_chip.ChannelCount} channel(s) (0..{_chip.ChannelCount - 1}); channel {_chip.ChannelCount} does not exist",
            error.Message);
    }

    [Fact]
    public void Open_MissingChip_FailsListingTheChipsThereAre()
    {
        var error = Assert.Throws<GpioNotFoundException>(() => SysfsPwmChannel.Open(99, 0));

        Assert.Contains("PWM chip 99 not found", error.Message, StringComparison.Ordinal);
        Assert.Contains($"pwmchip{_chip.ChipNumber}", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Reads one of a channel's sysfs attributes.</summary>
    private string Read(int channel, string attribute) => KernelFile.Read(Path.Combine(_chip.ChannelDirectory(channel), attribute));
}
