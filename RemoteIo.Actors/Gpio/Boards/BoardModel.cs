using System.Globalization;
using RemoteIo.Actors.Gpio.Pwm;

namespace RemoteIo.Actors.Gpio.Boards;

/// <summary>
/// Which board the host runs on, as far as GPIO cares: its SoC family (which decides where the
/// hardware PWM channels are) and whether it has the 40-pin header. Detected from
/// <c>/proc/device-tree/model</c> (e.g. "Raspberry Pi 4 Model B Rev 1.4"), overridable in config
/// (<c>remoteio.gpio.model</c>).
/// </summary>
/// <param name="Name">The model string, or a description when unknown.</param>
/// <param name="Soc">The SoC family.</param>
/// <param name="HasFortyPinHeader">False only for the original 26-pin Pi 1 Model A and B.</param>
public sealed record BoardModel(string Name, SocFamily Soc, bool HasFortyPinHeader)
{
    /// <summary>The default device-tree model file.</summary>
    public const string DefaultModelPath = "/proc/device-tree/model";

    /// <summary>A board that is not a recognised Raspberry Pi: the 40-pin layout is assumed for numbering, no hardware PWM is mapped.</summary>
    public static BoardModel Unknown { get; } = new("unknown board (not a Raspberry Pi, or no device tree)", SocFamily.Unknown, true);

    /// <summary>The GPIOs with a hardware PWM channel on this board, and which channel.</summary>
    public IReadOnlyList<HardwarePwmChannel> HardwarePwmChannels => Soc switch
    {
        SocFamily.Bcm2712 =>
        [
            new HardwarePwmChannel(12, 0, 4, "RP1 PWM0 channel 0; enable with dtoverlay=pwm-2chan (or pwm,pin=12,func=0)"),
            new HardwarePwmChannel(13, 1, 4, "RP1 PWM0 channel 1"),
            new HardwarePwmChannel(18, 2, 4, "RP1 PWM0 channel 2; dtoverlay=pwm-2chan routes GPIO 18/19"),
            new HardwarePwmChannel(19, 3, 4, "RP1 PWM0 channel 3"),
        ],
        SocFamily.Bcm283x or SocFamily.Bcm2711 =>
        [
            new HardwarePwmChannel(12, 0, 2, "PWM0 (channel 0), shared with GPIO 18: dtoverlay=pwm-2chan,pin=12,func=4 routes it here"),
            new HardwarePwmChannel(13, 1, 2, "PWM1 (channel 1), shared with GPIO 19: dtoverlay=pwm-2chan,pin2=13,func2=4 routes it here"),
            new HardwarePwmChannel(18, 0, 2, "PWM0 (channel 0), shared with GPIO 12; dtoverlay=pwm-2chan routes it here by default"),
            new HardwarePwmChannel(19, 1, 2, "PWM1 (channel 1), shared with GPIO 13; dtoverlay=pwm-2chan routes it here by default"),
        ],
        _ => [],
    };

    /// <summary>
    /// The suffix of the pwmchip's <c>device</c> link target that names the header's PWM
    /// controller (<c>fe20c000.pwm</c> on a Pi 4, <c>1f00098000.pwm</c> for the Pi 5's RP1 PWM0).
    /// </summary>
    private string? PwmDeviceSuffix => Soc switch
    {
        SocFamily.Bcm2712 => "1f00098000.pwm",
        SocFamily.Bcm283x or SocFamily.Bcm2711 => "20c000.pwm",
        _ => null,
    };

    /// <summary>Detects the board: the override when given, else the device-tree model file, else <see cref="Unknown"/>.</summary>
    /// <param name="modelPath">The model file (injectable for tests).</param>
    /// <param name="overrideModel">A model string from config; null or empty to detect.</param>
    /// <returns>The board.</returns>
    public static BoardModel Detect(string modelPath = DefaultModelPath, string? overrideModel = null)
    {
        if (!string.IsNullOrWhiteSpace(overrideModel))
        {
            return Parse(overrideModel);
        }

        try
        {
            return File.Exists(modelPath) ? Parse(File.ReadAllText(modelPath)) : Unknown;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Unknown;
        }
    }

    /// <summary>Recognises a model string (trailing NULs, as the device tree has them, are ignored).</summary>
    /// <param name="model">E.g. "Raspberry Pi 5 Model B Rev 1.0".</param>
    /// <returns>The board.</returns>
    public static BoardModel Parse(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var name = model.Trim('\0', ' ', '\n', '\r', '\t');
        bool Has(string part) => name.Contains(part, StringComparison.OrdinalIgnoreCase);
        if (!Has("Raspberry Pi"))
        {
            return Unknown with { Name = name.Length == 0 ? Unknown.Name : $"{name} (not a Raspberry Pi)" };
        }

        if (Has("Raspberry Pi 5") || Has("Compute Module 5"))
        {
            return new BoardModel(name, SocFamily.Bcm2712, true);
        }

        if (Has("Raspberry Pi 4") || Has("Compute Module 4"))
        {
            return new BoardModel(name, SocFamily.Bcm2711, true);
        }

        if (Has("Raspberry Pi 3") || Has("Raspberry Pi 2") || Has("Zero") || Has("Compute Module 3"))
        {
            return new BoardModel(name, SocFamily.Bcm283x, true);
        }

        // Pi 1: the A+ and B+ ("Model A Plus", "Model B Plus") have the 40-pin header, the A and B 26 pins.
        var plus = Has("Plus") || Has("A+") || Has("B+");
        return new BoardModel(name, SocFamily.Bcm283x, plus || Has("Compute Module"));
    }

    /// <summary>The hardware PWM channel of a GPIO, or null when it has none (use software PWM).</summary>
    /// <param name="gpio">The GPIO.</param>
    /// <returns>The channel or null.</returns>
    public HardwarePwmChannel? HardwarePwmFor(int gpio) => HardwarePwmChannels.FirstOrDefault(c => c.Gpio == gpio);

    /// <summary>
    /// Finds the pwmchip number of the header's PWM controller under <paramref name="pwmRoot"/>:
    /// the chip whose device link names this SoC's controller, else the first chip with the
    /// expected channel count; null when there is none (PWM overlay not enabled).
    /// </summary>
    /// <param name="pwmRoot">The sysfs PWM root, normally /sys/class/pwm.</param>
    /// <param name="fileSystem">The file operations; the machine's when null.</param>
    /// <returns>The chip number or null.</returns>
    public int? FindPwmChip(string pwmRoot, PwmFileSystem? fileSystem = null)
    {
        var fs = fileSystem ?? PwmFileSystem.Physical;
        var channels = HardwarePwmChannels.Count == 0 ? 0 : HardwarePwmChannels[0].ChannelCount;
        var chips = fs.EnumerateDirectories(pwmRoot, "pwmchip*")
            .Select(p => (Path: p, Number: int.TryParse(Path.GetFileName(p)["pwmchip".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1))
            .Where(c => c.Number >= 0)
            .OrderBy(c => c.Number)
            .ToArray();
        if (PwmDeviceSuffix is { } suffix)
        {
            foreach (var chip in chips)
            {
                var target = fs.ResolveLinkTarget(Path.Combine(chip.Path, "device"));
                if (target is not null && target.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return chip.Number;
                }
            }
        }

        foreach (var chip in chips)
        {
            try
            {
                if (channels > 0 && int.Parse(fs.ReadAllText(Path.Combine(chip.Path, "npwm")).Trim(), CultureInfo.InvariantCulture) == channels)
                {
                    return chip.Number;
                }
            }
            catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
            {
                // Not readable: not a candidate.
            }
        }

        return null;
    }
}
