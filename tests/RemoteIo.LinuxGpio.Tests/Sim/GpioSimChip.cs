namespace RemoteIo.LinuxGpio.Tests.Sim;

/// <summary>
/// A gpio-sim device with one bank, made through configfs for a test fixture and removed again on
/// dispose: the kernel then presents it as a real /dev/gpiochipN. Its lines are observed through
/// <c>sim_gpioN/value</c> (what an output drives) and driven through <c>sim_gpioN/pull</c> (what an
/// input sees), which is exactly the "other side" of the wire a driver test needs.
/// </summary>
internal sealed class GpioSimChip : IDisposable
{
    /// <summary>The device's configfs directory.</summary>
    private readonly string _device;

    /// <summary>The bank's configfs directory.</summary>
    private readonly string _bank;

    /// <summary>The line and hog directories created, in the order they must be removed (hogs first), before the bank.</summary>
    private readonly List<string> _lineDirectories = [];

    /// <summary>Creates and enables the device.</summary>
    private GpioSimChip(string name, int lines, string label, IReadOnlyDictionary<int, string> lineNames, IReadOnlyDictionary<int, GpioSimHog> hogs)
    {
        _device = Path.Combine(KernelVm.GpioSimConfigfs, name);
        _bank = Path.Combine(_device, "bank0");
        Label = label;
        LineCount = lines;
        try
        {
            Directory.CreateDirectory(_device);
            Directory.CreateDirectory(_bank);
            KernelFile.Write(Path.Combine(_bank, "num_lines"), lines.ToString(System.Globalization.CultureInfo.InvariantCulture));
            KernelFile.Write(Path.Combine(_bank, "label"), label);
            foreach (var (line, lineName) in lineNames)
            {
                KernelFile.Write(Path.Combine(LineDirectory(line), "name"), lineName);
            }

            foreach (var (line, hog) in hogs)
            {
                var directory = Path.Combine(LineDirectory(line), "hog");
                Directory.CreateDirectory(directory);
                _lineDirectories.Insert(0, directory);
                KernelFile.Write(Path.Combine(directory, "name"), hog.Consumer);
                KernelFile.Write(Path.Combine(directory, "direction"), hog.Direction);
            }

            KernelFile.Write(Path.Combine(_device, "live"), "1");
            ChipName = KernelFile.Read(Path.Combine(_bank, "chip_name"));
            SysfsDirectory = $"/sys/devices/platform/{KernelFile.Read(Path.Combine(_device, "dev_name"))}/{ChipName}";
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The kernel's name of the chip, e.g. <c>gpiochip3</c>.</summary>
    public string ChipName { get; } = "";

    /// <summary>The character device, e.g. <c>/dev/gpiochip3</c>.</summary>
    public string DevicePath => $"/dev/{ChipName}";

    /// <summary>The chip label reported by GPIO_GET_CHIPINFO_IOCTL.</summary>
    public string Label { get; }

    /// <summary>Number of lines.</summary>
    public int LineCount { get; }

    /// <summary>The chip's sysfs directory holding <c>sim_gpioN/{value,pull}</c>.</summary>
    public string SysfsDirectory { get; } = "";

    /// <summary>
    /// Creates a live chip. <paramref name="name"/> must be unique among live gpio-sim devices;
    /// the label defaults to <c>remoteio-&lt;name&gt;</c>.
    /// </summary>
    /// <param name="name">The configfs directory name of the device.</param>
    /// <param name="lines">Number of lines in the bank.</param>
    /// <param name="label">The chip label; <see langword="null"/> for the default.</param>
    /// <param name="lineNames">Names for some lines (offset to name).</param>
    /// <param name="hogs">Lines the kernel itself holds (offset to hog), as a device-tree hog would.</param>
    /// <returns>The live chip.</returns>
    public static GpioSimChip Create(
        string name,
        int lines = 16,
        string? label = null,
        IReadOnlyDictionary<int, string>? lineNames = null,
        IReadOnlyDictionary<int, GpioSimHog>? hogs = null)
    {
        KernelVm.Require();
        return new GpioSimChip(name, lines, label ?? $"remoteio-{name}", lineNames ?? new Dictionary<int, string>(), hogs ?? new Dictionary<int, GpioSimHog>());
    }

    /// <summary>The level the chip sees on a line: an output's driven value, or an input's pull.</summary>
    /// <param name="line">The line offset.</param>
    /// <returns>0 or 1.</returns>
    public int Value(int line) => int.Parse(KernelFile.Read(SimAttribute(line, "value")), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The simulated pull on a line: <c>pull-up</c> or <c>pull-down</c>.</summary>
    /// <param name="line">The line offset.</param>
    /// <returns>The pull as gpio-sim reports it.</returns>
    public string Pull(int line) => KernelFile.Read(SimAttribute(line, "pull"));

    /// <summary>Drives an input from outside: pull-up for high, pull-down for low.</summary>
    /// <param name="line">The line offset.</param>
    /// <param name="high">True for pull-up.</param>
    public void Drive(int line, bool high) => KernelFile.Write(SimAttribute(line, "pull"), high ? "pull-up" : "pull-down");

    /// <summary>Takes the device down and removes it from configfs.</summary>
    public void Dispose()
    {
        var live = Path.Combine(_device, "live");
        if (File.Exists(live) && KernelFile.Read(live) == "1")
        {
            KernelFile.Write(live, "0");
        }

        foreach (var directory in _lineDirectories)
        {
            Directory.Delete(directory);
        }

        _lineDirectories.Clear();
        foreach (var directory in new[] { _bank, _device })
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory);
            }
        }
    }

    /// <summary>The configfs directory of a line, created on first use (removed on dispose, children first).</summary>
    private string LineDirectory(int line)
    {
        var directory = Path.Combine(_bank, $"line{line}");
        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory);
            _lineDirectories.Add(directory);
        }

        return directory;
    }

    /// <summary>The path of one of gpio-sim's per-line attributes.</summary>
    private string SimAttribute(int line, string attribute)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(line);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(line, LineCount);
        return Path.Combine(SysfsDirectory, $"sim_gpio{line}", attribute);
    }
}
