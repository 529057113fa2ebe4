using System.Globalization;
using RemoteIo.Actors.Gpio.Pwm;

namespace RemoteIo.Actors.Pins.Tests.Support;

/// <summary>
/// /sys/class/pwm and the pinctrl debugfs of a Raspberry Pi, in memory: a pwmchip with its
/// channels (export makes the channel directory, the kernel's rules on period, duty and enable are
/// enforced) and the GPIO controller's pinmux-select file. Every write is recorded with the virtual
/// time it happened at, so tests assert the exact sysfs traffic and its timing.
/// </summary>
public sealed class FakePwmTree : PwmFileSystem
{
    public const string PwmRoot = "/fake/sys/class/pwm";

    public const string PinctrlRoot = "/fake/sys/kernel/debug/pinctrl";

    private readonly HashSet<string> _directories = new(StringComparer.Ordinal) { PwmRoot, PinctrlRoot };

    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);

    private readonly Dictionary<string, string> _links = new(StringComparer.Ordinal);

    private readonly Func<long> _now;

    /// <summary>On the real clock the actor and the channel's timer write from different threads.</summary>
    private readonly Lock _gate = new();

    /// <summary>A tree with pwmchip0 (<paramref name="channels"/> channels, the device <paramref name="device"/>) and the controller <paramref name="pinctrlDevice"/> (null: none).</summary>
    public FakePwmTree(Func<long> now, int channels = 2, string device = "fe20c000.pwm", string? pinctrlDevice = "fe200000.gpio-pinctrl-bcm2711")
    {
        _now = now;
        var chip = Path.Combine(PwmRoot, "pwmchip0");
        _directories.Add(chip);
        _files[Path.Combine(chip, "npwm")] = channels.ToString(CultureInfo.InvariantCulture) + "\n";
        _files[Path.Combine(chip, "export")] = string.Empty;
        _files[Path.Combine(chip, "unexport")] = string.Empty;
        _links[Path.Combine(chip, "device")] = "/sys/devices/platform/soc/" + device;
        if (pinctrlDevice is not null)
        {
            var controller = Path.Combine(PinctrlRoot, pinctrlDevice);
            _directories.Add(controller);
            _files[Path.Combine(controller, "pinmux-select")] = string.Empty;
        }
    }

    /// <summary>Every write in order: (virtual ns, path without the fake roots, value).</summary>
    public List<(long AtNs, string Path, string Value)> Writes { get; } = [];

    /// <summary>Paths (without the fake roots) whose writes are refused with permission denied.</summary>
    public HashSet<string> Denied { get; } = new(StringComparer.Ordinal);

    /// <summary>Called after each accepted write with its short path and value (a test makes a write take time by jumping a clock here).</summary>
    public Action<string, string>? AfterWrite { get; set; }

    /// <summary>The writes as "ms path=value" lines, for readable assertions.</summary>
    public IReadOnlyList<string> Log(long fromNs = 0) =>
        [.. Writes.Where(w => w.AtNs >= fromNs).Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.AtNs / 1e6:0.###} {w.Path}={w.Value}"))];

    /// <summary>A channel attribute's current value ("period", "duty_cycle", "enable").</summary>
    public string? Attribute(int channel, string name) =>
        _files.GetValueOrDefault(Path.Combine(PwmRoot, "pwmchip0", "pwm" + channel.ToString(CultureInfo.InvariantCulture), name))?.Trim();

    public override bool DirectoryExists(string path) => _directories.Contains(Trim(path));

    public override string ReadAllText(string path) =>
        _files.TryGetValue(Trim(path), out var text) ? text : throw new FileNotFoundException(path);

    /// <summary>A copy of <see cref="Writes"/> taken under the tree's lock (for real-clock tests).</summary>
    public List<(long AtNs, string Path, string Value)> Snapshot()
    {
        lock (_gate)
        {
            return [.. Writes];
        }
    }

    public override void WriteAllText(string path, string text)
    {
        lock (_gate)
        {
            Write(Trim(path), text);
        }
    }

    private void Write(string path, string text)
    {
        var shortPath = Short(path);
        if (Denied.Contains(shortPath))
        {
            throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.");
        }

        if (!_files.ContainsKey(path))
        {
            throw new FileNotFoundException(path);
        }

        Writes.Add((_now(), shortPath, text));
        var name = Path.GetFileName(path);
        var directory = Path.GetDirectoryName(path)!;
        switch (name)
        {
            case "export":
                Export(directory, text);
                return;
            case "unexport":
                Unexport(directory, text);
                return;
            case "pinmux-select":
                AfterWrite?.Invoke(shortPath, text);
                return;
        }

        var period = long.Parse(_files[Path.Combine(directory, "period")], CultureInfo.InvariantCulture);
        var duty = long.Parse(_files[Path.Combine(directory, "duty_cycle")], CultureInfo.InvariantCulture);
        var valid = name switch
        {
            "period" => long.Parse(text, CultureInfo.InvariantCulture) >= duty,
            "duty_cycle" => period > 0 && long.Parse(text, CultureInfo.InvariantCulture) <= period,
            "enable" => text is "0" || (text is "1" && period > 0),
            "polarity" => period > 0 && text is "normal" or "inversed",
            _ => false,
        };
        if (!valid)
        {
            throw new IOException($"EINVAL writing {text} to {path}", 22);
        }

        _files[path] = text;
        AfterWrite?.Invoke(shortPath, text);
    }

    public override bool IsWritable(string path) => _files.ContainsKey(Trim(path)) && !Denied.Contains(Short(Trim(path)));

    public override IReadOnlyList<string> EnumerateDirectories(string path, string pattern)
    {
        var prefix = pattern.TrimEnd('*');
        return [.. _directories.Where(d => Path.GetDirectoryName(d) == Trim(path) && Path.GetFileName(d).StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    }

    public override string? ResolveLinkTarget(string path) => _links.GetValueOrDefault(Trim(path));

    private static string Trim(string path) => path.TrimEnd('/');

    private static string Short(string path) =>
        path.StartsWith(PwmRoot + "/", StringComparison.Ordinal) ? path[(PwmRoot.Length + 1)..]
        : path.StartsWith(PinctrlRoot + "/", StringComparison.Ordinal) ? "pinctrl/" + path[(PinctrlRoot.Length + 1)..]
        : path;

    private void Export(string chip, string text)
    {
        var channel = Path.Combine(chip, "pwm" + text.Trim());
        if (!_directories.Add(channel))
        {
            throw new IOException($"EBUSY exporting {text}", 16);
        }

        foreach (var (attribute, value) in new[] { ("period", "0"), ("duty_cycle", "0"), ("enable", "0"), ("polarity", "normal") })
        {
            _files[Path.Combine(channel, attribute)] = value;
        }
    }

    private void Unexport(string chip, string text)
    {
        var channel = Path.Combine(chip, "pwm" + text.Trim());
        _directories.Remove(channel);
        foreach (var file in _files.Keys.Where(f => f.StartsWith(channel + "/", StringComparison.Ordinal)).ToList())
        {
            _files.Remove(file);
        }
    }
}
