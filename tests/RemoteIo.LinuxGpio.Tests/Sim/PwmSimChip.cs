using System.Globalization;
using Xunit;

namespace RemoteIo.LinuxGpio.Tests.Sim;

/// <summary>
/// The pwm-sim chip (tests/linux/kmod/pwm-sim.c) as the kernel presents it in /sys/class/pwm,
/// with what its "hardware" last received per channel.
/// </summary>
/// <remarks>
/// The kernel's PWM core keeps a channel's period after unexport and never accepts a period of 0
/// again, so a used channel cannot be made fresh. Tests therefore take a channel nobody in this
/// process has used yet from <see cref="TakeFreshChannel"/>; run.sh loads the module with
/// enough channels for the whole suite.
/// </remarks>
internal sealed class PwmSimChip
{
    /// <summary>The next channel no test has used yet.</summary>
    private static int _nextFresh;

    /// <summary>Finds the chip.</summary>
    private PwmSimChip(string chipDirectory, string deviceDirectory)
    {
        ChipDirectory = chipDirectory;
        DeviceDirectory = deviceDirectory;
        ChannelCount = int.Parse(KernelFile.Read(Path.Combine(chipDirectory, "npwm")), CultureInfo.InvariantCulture);
        HeldChannel = int.Parse(KernelFile.Read("/sys/module/pwm_sim/parameters/held_channel"), CultureInfo.InvariantCulture);
    }

    /// <summary>The chip's class directory, e.g. <c>/sys/class/pwm/pwmchip0</c>.</summary>
    public string ChipDirectory { get; }

    /// <summary>The platform device's directory, holding pwm-sim's <c>applied</c> attribute.</summary>
    public string DeviceDirectory { get; }

    /// <summary>The chip's number in /sys/class/pwm.</summary>
    public int ChipNumber => int.Parse(Path.GetFileName(ChipDirectory).AsSpan("pwmchip".Length), CultureInfo.InvariantCulture);

    /// <summary>Channels on the chip (<c>npwm</c>).</summary>
    public int ChannelCount { get; }

    /// <summary>The channel pwm-sim's driver holds itself (a stand-in for a kernel consumer; exporting it fails with EBUSY), or -1.</summary>
    public int HeldChannel { get; }

    /// <summary>Finds pwm-sim's first chip among the kernel's PWM chips.</summary>
    /// <returns>The chip.</returns>
    public static PwmSimChip Find()
    {
        KernelVm.Require();
        foreach (var chip in Directory.GetDirectories(KernelVm.PwmClass, "pwmchip*"))
        {
            // Class entries are links to /sys/devices/<parent device>/pwm/pwmchipN.
            var real = new DirectoryInfo(chip).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? chip;
            var device = Path.GetDirectoryName(Path.GetDirectoryName(real))!;
            if (Path.GetFileName(device).StartsWith("pwm-sim.", StringComparison.Ordinal))
            {
                return new PwmSimChip(chip, device);
            }
        }

        throw new InvalidOperationException($"no pwm-sim chip in {KernelVm.PwmClass}: pwm-sim.ko did not load");
    }

    /// <summary>A channel no test in this process has exported yet: period, duty and enable are all 0.</summary>
    /// <returns>The channel number.</returns>
    public int TakeFreshChannel()
    {
        int channel;
        do
        {
            channel = Interlocked.Increment(ref _nextFresh) - 1;
        }
        while (channel == HeldChannel);

        Assert.True(channel < ChannelCount, $"pwm-sim has only {ChannelCount} channels and the suite used them all; raise npwm in tests/linux/run.sh");
        return channel;
    }

    /// <summary>The directory of an exported channel, e.g. <c>/sys/class/pwm/pwmchip0/pwm3</c>.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The path (it exists only while the channel is exported).</returns>
    public string ChannelDirectory(int channel) => Path.Combine(ChipDirectory, $"pwm{channel}");

    /// <summary>What the chip's driver last received for a channel, and how many states it received.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The applied state.</returns>
    public PwmSimState Applied(int channel)
    {
        foreach (var line in KernelFile.Read(Path.Combine(DeviceDirectory, "applied")).Split('\n'))
        {
            var fields = line.Split(' ');
            if (fields[0] != channel.ToString(CultureInfo.InvariantCulture))
            {
                continue;
            }

            var values = fields.Skip(1).Select(f => f.Split('=')).ToDictionary(kv => kv[0], kv => kv[1]);
            return new PwmSimState(
                long.Parse(values["period"], CultureInfo.InvariantCulture),
                long.Parse(values["duty"], CultureInfo.InvariantCulture),
                values["polarity"] == "inversed",
                values["enabled"] == "1",
                int.Parse(values["applies"], CultureInfo.InvariantCulture));
        }

        throw new InvalidOperationException($"pwm-sim reports no channel {channel} in {DeviceDirectory}/applied");
    }
}
