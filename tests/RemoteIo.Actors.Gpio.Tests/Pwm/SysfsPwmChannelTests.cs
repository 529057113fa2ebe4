using RemoteIo.Actors.Gpio.Pwm;
using Xunit;

namespace RemoteIo.Actors.Gpio.Tests.Pwm;

/// <summary>The sysfs PWM channel against a recording tree that enforces the kernel's rules.</summary>
public sealed class SysfsPwmChannelTests
{
    /// <summary>The recording tree: pwmchip0 with two channels.</summary>
    private readonly KernelPwmFileSystem _sysfs = new KernelPwmFileSystem().WithChip(0, 2);

    [Fact]
    public void Open_FreshChannel_ExportsItAndBothTimesAreZero()
    {
        using var pwm = Open(1);
        Assert.Equal([("pwmchip0/export", "1")], _sysfs.Writes);
        Assert.Equal("/sys/class/pwm/pwmchip0/pwm1", pwm.ChannelPath);
        Assert.Equal(0, pwm.PeriodNanoseconds);
        Assert.Equal(0, pwm.DutyCycleNanoseconds);
        Assert.False(pwm.IsRunning);
    }

    [Fact]
    public void Configure_AfterExport_WritesPeriodBeforeDuty()
    {
        using var pwm = Open(0);
        pwm.Configure(1_000_000, 250_000);
        Assert.Equal([("pwmchip0/export", "0"), ("pwmchip0/pwm0/period", "1000000"), ("pwmchip0/pwm0/duty_cycle", "250000")], _sysfs.Writes);
        Assert.Equal((1_000_000L, 250_000L, false, "normal"), _sysfs.State(0, 0));
    }

    [Fact]
    public void Configure_DutyAboveTheOldPeriod_WritesPeriodFirst()
    {
        using var pwm = Open(0);
        pwm.Configure(1_000_000, 250_000);
        _sysfs.Writes.Clear();
        pwm.Configure(4_000_000, 2_000_000);
        Assert.Equal([("pwmchip0/pwm0/period", "4000000"), ("pwmchip0/pwm0/duty_cycle", "2000000")], _sysfs.Writes);
    }

    [Fact]
    public void Configure_PeriodBelowTheOldDuty_WritesDutyFirst()
    {
        using var pwm = Open(0);
        pwm.Configure(4_000_000, 3_000_000);
        _sysfs.Writes.Clear();
        pwm.Configure(1_000_000, 500_000);
        Assert.Equal([("pwmchip0/pwm0/duty_cycle", "500000"), ("pwmchip0/pwm0/period", "1000000")], _sysfs.Writes);
        Assert.Equal((1_000_000L, 500_000L, false, "normal"), _sysfs.State(0, 0));
    }

    [Fact]
    public void Configure_Unchanged_WritesNothing()
    {
        using var pwm = Open(0);
        pwm.Configure(1_000_000, 250_000);
        _sysfs.Writes.Clear();
        pwm.Configure(1_000_000, 250_000);
        pwm.Configure(1_000_000, 300_000);
        Assert.Equal([("pwmchip0/pwm0/duty_cycle", "300000")], _sysfs.Writes);
    }

    [Fact]
    public void FrequencyThenDutyCycle_Properties_KeepTheDutyFractionAcrossFrequencyChanges()
    {
        using var pwm = Open(0);
        pwm.Frequency = 1000;
        pwm.DutyCycle = 0.25;
        pwm.Frequency = 500;
        Assert.Equal(2_000_000, pwm.PeriodNanoseconds);
        Assert.Equal(500_000, pwm.DutyCycleNanoseconds);
        Assert.Equal(0.25, pwm.DutyCycle);
        Assert.Equal(500, pwm.Frequency);
        Assert.Equal((2_000_000L, 500_000L, false, "normal"), _sysfs.State(0, 0));
    }

    [Fact]
    public void StartStop_WithAPeriod_WriteEnable()
    {
        using var pwm = Open(0);
        pwm.Configure(20_000_000, 1_500_000);
        _sysfs.Writes.Clear();
        pwm.Start();
        pwm.Start();
        Assert.True(pwm.IsRunning);
        pwm.Stop();
        Assert.Equal([("pwmchip0/pwm0/enable", "1"), ("pwmchip0/pwm0/enable", "0")], _sysfs.Writes);
    }

    [Fact]
    public void Start_WithoutAPeriod_RefusedBeforeWriting()
    {
        using var pwm = Open(0);
        _sysfs.Writes.Clear();
        var error = Assert.Throws<GpioInvalidArgumentException>(pwm.Start);
        Assert.Contains("set a frequency (period) before enabling", error.Message, StringComparison.Ordinal);
        Assert.Empty(_sysfs.Writes);
        Assert.Throws<GpioInvalidArgumentException>(() => pwm.DutyCycle = 0.5);
    }

    [Fact]
    public void Configure_DutyAbovePeriodOrNoPeriod_RefusedBeforeWriting()
    {
        using var pwm = Open(0);
        _sysfs.Writes.Clear();
        Assert.Contains("must be within 0..period", Assert.Throws<GpioInvalidArgumentException>(() => pwm.Configure(1000, 2000)).Message, StringComparison.Ordinal);
        Assert.Contains("must be above 0", Assert.Throws<GpioInvalidArgumentException>(() => pwm.Configure(0, 0)).Message, StringComparison.Ordinal);
        Assert.Throws<GpioInvalidArgumentException>(() => pwm.DutyCycle = 1.5);
        Assert.Throws<GpioInvalidArgumentException>(() => pwm.Frequency = -1);
        Assert.Empty(_sysfs.Writes);
    }

    [Fact]
    public void Configure_KernelRefusesAValue_InvalidArgumentNamingTheFile()
    {
        _sysfs.MaxPeriod = 1_000_000_000;
        using var pwm = Open(0);
        var error = Assert.Throws<GpioInvalidArgumentException>(() => pwm.Configure(2_000_000_000, 0));
        Assert.Contains("/sys/class/pwm/pwmchip0/pwm0/period as invalid (EINVAL)", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, pwm.PeriodNanoseconds);
    }

    [Fact]
    public void SetPolarity_Inversed_WritesItOnce()
    {
        using var pwm = Open(0);
        pwm.Configure(1_000_000, 250_000);
        _sysfs.Writes.Clear();
        pwm.SetPolarity(PwmPolarity.Inversed);
        pwm.SetPolarity(PwmPolarity.Inversed);
        Assert.Equal([("pwmchip0/pwm0/polarity", "inversed")], _sysfs.Writes);
        Assert.Equal(PwmPolarity.Inversed, pwm.Polarity);
        Assert.Equal("inversed", _sysfs.State(0, 0)!.Value.Polarity);
    }

    [Fact]
    public void SetPolarity_WithoutAPeriod_RefusedBeforeWriting()
    {
        using var pwm = Open(0);
        _sysfs.Writes.Clear();
        var error = Assert.Throws<GpioInvalidArgumentException>(() => pwm.SetPolarity(PwmPolarity.Inversed));
        Assert.Equal("/sys/class/pwm/pwmchip0/pwm0: set a frequency (period) before the polarity; the kernel refuses every change while the period is 0", error.Message);
        Assert.Equal(0, error.Errno);
        Assert.Empty(_sysfs.Writes);
        Assert.Equal(PwmPolarity.Normal, pwm.Polarity);
    }

    [Fact]
    public void Dispose_ChannelExportedHere_DisablesThenUnexports()
    {
        var pwm = Open(1);
        pwm.Configure(1_000_000, 500_000);
        pwm.Start();
        _sysfs.Writes.Clear();
        pwm.Dispose();
        Assert.Equal([("pwmchip0/pwm1/enable", "0"), ("pwmchip0/unexport", "1")], _sysfs.Writes);
        Assert.Null(_sysfs.State(0, 1));
    }

    [Fact]
    public void Open_ChannelAlreadyExported_TakesItsStateAndLeavesItExportedOnDispose()
    {
        _sysfs.WithExported(0, 0, period: 20_000_000, duty: 1_000_000, enabled: true);
        var pwm = Open(0);
        Assert.Equal(20_000_000, pwm.PeriodNanoseconds);
        Assert.Equal(1_000_000, pwm.DutyCycleNanoseconds);
        Assert.True(pwm.IsRunning);
        pwm.Dispose();
        Assert.Equal([("pwmchip0/pwm0/enable", "0")], _sysfs.Writes);
        Assert.NotNull(_sysfs.State(0, 0));
    }

    [Fact]
    public void Open_ChannelDirectoryAppearsLate_WaitsForItAndForWritableFiles()
    {
        _sysfs.ChannelAppearsAfterPolls = 3;
        _sysfs.WritableAfterPolls = 2;
        using var pwm = Open(0);
        pwm.Configure(1_000_000, 1_000_000);
        Assert.Equal((1_000_000L, 1_000_000L, false, "normal"), _sysfs.State(0, 0));
    }

    [Fact]
    public void Open_ChannelFilesNeverWritable_PermissionErrorWithTheHint()
    {
        _sysfs.WritableAfterPolls = int.MaxValue;
        var error = Assert.Throws<GpioPermissionException>(() => SysfsPwmChannel.Open(0, 0, _sysfs.Root, _sysfs, TimeSpan.FromMilliseconds(30)));
        Assert.Contains("/sys/class/pwm/pwmchip0/pwm0/period is not writable", error.Message, StringComparison.Ordinal);
        Assert.Contains("udev rules", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MissingChip_NotFoundNamingThePathTheChipsAndTheOverlay()
    {
        var error = Assert.Throws<GpioNotFoundException>(() => SysfsPwmChannel.Open(2, 0, _sysfs.Root, _sysfs));
        Assert.Equal(
            "PWM chip 2 not found: /sys/class/pwm/pwmchip2 does not exist (present: pwmchip0); on a Raspberry Pi enable hardware PWM with dtoverlay=pwm-2chan in /boot/firmware/config.txt",
            error.Message);
        Assert.Empty(_sysfs.Writes);
    }

    [Fact]
    public void Open_ChannelBeyondNpwm_NotFoundNamingTheChannelCount()
    {
        var error = Assert.Throws<GpioNotFoundException>(() => SysfsPwmChannel.Open(0, 2, _sysfs.Root, _sysfs));
        Assert.Equal("pwmchip0 has 2 channel(s) (0..1); channel 2 does not exist", error.Message);
        Assert.Empty(_sysfs.Writes);
    }

    [Fact]
    public void Open_ExportPermissionDenied_PermissionErrorWithTheHint()
    {
        _sysfs.Forbidden.Add("pwmchip0/export");
        var error = Assert.Throws<GpioPermissionException>(() => Open(0));
        Assert.StartsWith("exporting pwmchip0 channel 0: permission denied writing /sys/class/pwm/pwmchip0/export; run as root", error.Message, StringComparison.Ordinal);
        Assert.Contains("gpio", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ExportRefusedBusy_BusyError()
    {
        var busy = new BusyExportFileSystem(_sysfs);
        var error = Assert.Throws<GpioBusyException>(() => SysfsPwmChannel.Open(0, 0, _sysfs.Root, busy));
        Assert.Contains("as busy (EBUSY)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_PhysicalTempTree_WritesTheFilesOnDisk()
    {
        var root = Directory.CreateTempSubdirectory("remoteio-pwm-").FullName;
        try
        {
            var chip = Directory.CreateDirectory(Path.Combine(root, "pwmchip0")).FullName;
            File.WriteAllText(Path.Combine(chip, "npwm"), "2\n");
            File.WriteAllText(Path.Combine(chip, "export"), string.Empty);
            File.WriteAllText(Path.Combine(chip, "unexport"), string.Empty);
            var channel = Directory.CreateDirectory(Path.Combine(chip, "pwm1")).FullName;
            foreach (var (name, value) in new[] { ("period", "0\n"), ("duty_cycle", "0\n"), ("enable", "0\n"), ("polarity", "normal\n") })
            {
                File.WriteAllText(Path.Combine(channel, name), value);
            }

            using (var pwm = SysfsPwmChannel.Open(0, 1, root))
            {
                pwm.Configure(10_000_000, 2_500_000);
                pwm.Start();
                Assert.Equal("10000000", File.ReadAllText(Path.Combine(channel, "period")));
                Assert.Equal("2500000", File.ReadAllText(Path.Combine(channel, "duty_cycle")));
                Assert.Equal("1", File.ReadAllText(Path.Combine(channel, "enable")));
            }

            Assert.Equal("0", File.ReadAllText(Path.Combine(channel, "enable")));
            Assert.Equal(string.Empty, File.ReadAllText(Path.Combine(chip, "unexport")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Opens a channel of pwmchip0 on the recording tree.</summary>
    private SysfsPwmChannel Open(int channel) => SysfsPwmChannel.Open(0, channel, _sysfs.Root, _sysfs);

    /// <summary>A tree whose export answers EBUSY (a channel claimed by another kernel driver).</summary>
    private sealed class BusyExportFileSystem(KernelPwmFileSystem inner) : PwmFileSystem
    {
        public override bool DirectoryExists(string path) => inner.DirectoryExists(path);

        public override string ReadAllText(string path) => inner.ReadAllText(path);

        public override void WriteAllText(string path, string text) =>
            throw (path.EndsWith("/export", StringComparison.Ordinal) ? new IOException("busy", 16) : new InvalidOperationException(path));

        public override bool IsWritable(string path) => inner.IsWritable(path);

        public override IReadOnlyList<string> EnumerateDirectories(string path, string pattern) => inner.EnumerateDirectories(path, pattern);

        public override string? ResolveLinkTarget(string path) => inner.ResolveLinkTarget(path);
    }
}
