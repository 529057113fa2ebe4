using System.Diagnostics;
using System.Globalization;

namespace RemoteIo.Actors.Gpio.Pwm;

/// <summary>
/// A hardware PWM channel of the kernel's sysfs interface
/// (<c>/sys/class/pwm/pwmchipN/pwmM/{period,duty_cycle,enable,polarity}</c>, times in ns): exports
/// the channel and waits for its directory (and udev's permissions) to appear, and writes period
/// and duty in the order the kernel accepts — duty and enable are refused (EINVAL) while the
/// period is 0, and the duty may never exceed the period, so a longer duty than the old period
/// needs the period first and a period shorter than the old duty needs the duty first.
/// </summary>
/// <remarks>On a Raspberry Pi the channels appear with <c>dtoverlay=pwm-2chan</c> in config.txt; see <c>Boards.BoardModel</c> for which GPIO is which channel.</remarks>
public sealed class SysfsPwmChannel : PwmChannel
{
    /// <summary>How to get access to the PWM sysfs files.</summary>
    public const string PermissionHint =
        "run as root, or add the user to the 'gpio' group with udev rules that give it /sys/class/pwm "
        + "(Raspberry Pi OS ships them in /etc/udev/rules.d/99-com.rules)";

    /// <summary>How often the export wait looks for the channel directory.</summary>
    private static readonly TimeSpan ExportPollInterval = TimeSpan.FromMilliseconds(5);

    /// <summary>The file operations.</summary>
    private readonly PwmFileSystem _fs;

    /// <summary>The chip directory, e.g. /sys/class/pwm/pwmchip0.</summary>
    private readonly string _chipPath;

    /// <summary>Whether this instance exported the channel (and so unexports it when disposed).</summary>
    private readonly bool _exportedHere;

    /// <summary>Set once disposed.</summary>
    private bool _disposed;

    /// <summary>Whether the channel is enabled.</summary>
    private bool _running;

    /// <summary>Takes an exported channel.</summary>
    private SysfsPwmChannel(PwmFileSystem fs, string chipPath, int chip, int channel, bool exportedHere)
    {
        _fs = fs;
        _chipPath = chipPath;
        Chip = chip;
        Channel = channel;
        ChannelPath = Path.Combine(chipPath, "pwm" + channel.ToString(CultureInfo.InvariantCulture));
        _exportedHere = exportedHere;
        PeriodNanoseconds = ReadLong("period");
        DutyCycleNanoseconds = ReadLong("duty_cycle");
        _running = ReadLong("enable") != 0;
        Polarity = ReadPolarity();
    }

    /// <summary>The pwmchip number.</summary>
    public int Chip { get; }

    /// <summary>The channel number.</summary>
    public int Channel { get; }

    /// <summary>The channel directory, e.g. /sys/class/pwm/pwmchip0/pwm1.</summary>
    public string ChannelPath { get; }

    /// <summary>The period in nanoseconds (0 right after export).</summary>
    public long PeriodNanoseconds { get; private set; }

    /// <summary>The duty (high time) in nanoseconds (0 right after export).</summary>
    public long DutyCycleNanoseconds { get; private set; }

    /// <summary>The polarity.</summary>
    public PwmPolarity Polarity { get; private set; }

    /// <inheritdoc />
    public override bool IsRunning => _running;

    /// <inheritdoc />
    public override double Frequency
    {
        get => PeriodNanoseconds == 0 ? 0 : 1e9 / PeriodNanoseconds;
        set
        {
            CheckFrequency(value);
            var period = (long)Math.Round(1e9 / value);
            if (period < 1)
            {
                throw new GpioInvalidArgumentException($"PWM frequency {value} Hz is above 1 GHz, the finest the nanosecond interface expresses");
            }

            var duty = PeriodNanoseconds == 0 ? 0 : (long)Math.Round((double)DutyCycleNanoseconds * period / PeriodNanoseconds);
            Configure(period, duty);
        }
    }

    /// <inheritdoc />
    public override double DutyCycle
    {
        get => PeriodNanoseconds == 0 ? 0 : (double)DutyCycleNanoseconds / PeriodNanoseconds;
        set
        {
            CheckDutyCycle(value);
            if (PeriodNanoseconds == 0)
            {
                throw new GpioInvalidArgumentException($"{ChannelPath}: set a frequency (period) before a duty cycle");
            }

            Configure(PeriodNanoseconds, (long)Math.Round(value * PeriodNanoseconds));
        }
    }

    /// <summary>
    /// Opens a channel: checks the chip and channel exist, exports the channel unless it already
    /// is, and waits until its directory appears and is writable.
    /// </summary>
    /// <param name="chip">The pwmchip number.</param>
    /// <param name="channel">The channel number.</param>
    /// <param name="root">The sysfs PWM root (injectable for tests).</param>
    /// <param name="fileSystem">The file operations; the machine's when null.</param>
    /// <param name="exportTimeout">How long to wait for the exported channel (default 2 s; udev can take hundreds of ms).</param>
    /// <returns>The channel.</returns>
    /// <exception cref="GpioNotFoundException">No such chip or channel.</exception>
    /// <exception cref="GpioBusyException">The kernel refused the export (EBUSY).</exception>
    /// <exception cref="GpioPermissionException">The files cannot be written.</exception>
    public static SysfsPwmChannel Open(int chip, int channel, string root = "/sys/class/pwm", PwmFileSystem? fileSystem = null, TimeSpan? exportTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        var fs = fileSystem ?? PwmFileSystem.Physical;
        if (chip < 0 || channel < 0)
        {
            throw new GpioInvalidArgumentException($"PWM chip {chip} channel {channel}: numbers must not be negative");
        }

        var chipPath = Path.Combine(root, "pwmchip" + chip.ToString(CultureInfo.InvariantCulture));
        if (!fs.DirectoryExists(chipPath))
        {
            var present = fs.EnumerateDirectories(root, "pwmchip*").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
            throw new GpioNotFoundException(
                $"PWM chip {chip} not found: {chipPath} does not exist (present: {(present.Length == 0 ? "none" : string.Join(", ", present))}); "
                + "on a Raspberry Pi enable hardware PWM with dtoverlay=pwm-2chan in /boot/firmware/config.txt");
        }

        var channelCount = ReadNpwm(fs, chipPath);
        if (channel >= channelCount)
        {
            throw new GpioNotFoundException($"pwmchip{chip} has {channelCount} channel(s) (0..{channelCount - 1}); channel {channel} does not exist");
        }

        var channelPath = Path.Combine(chipPath, "pwm" + channel.ToString(CultureInfo.InvariantCulture));
        var exported = false;
        if (!fs.DirectoryExists(channelPath))
        {
            Write(fs, Path.Combine(chipPath, "export"), channel.ToString(CultureInfo.InvariantCulture), $"exporting pwmchip{chip} channel {channel}");
            exported = true;
            WaitForChannel(fs, channelPath, exportTimeout ?? TimeSpan.FromSeconds(2));
        }

        return new SysfsPwmChannel(fs, chipPath, chip, channel, exported);
    }

    /// <summary>
    /// Sets period and duty (nanoseconds) in the order the kernel accepts, writing only what
    /// changes: period first when the new duty exceeds the current period, duty first when the
    /// new period is shorter than the current duty.
    /// </summary>
    /// <param name="periodNanoseconds">The period, above 0.</param>
    /// <param name="dutyNanoseconds">The high time, 0..period.</param>
    /// <exception cref="GpioInvalidArgumentException">The values are out of range; nothing was written.</exception>
    public void Configure(long periodNanoseconds, long dutyNanoseconds)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (periodNanoseconds <= 0)
        {
            throw new GpioInvalidArgumentException($"{ChannelPath}: period {periodNanoseconds} ns must be above 0");
        }

        if (dutyNanoseconds < 0 || dutyNanoseconds > periodNanoseconds)
        {
            throw new GpioInvalidArgumentException($"{ChannelPath}: duty {dutyNanoseconds} ns must be within 0..period ({periodNanoseconds} ns)");
        }

        if (dutyNanoseconds > PeriodNanoseconds)
        {
            SetPeriod(periodNanoseconds);
            SetDuty(dutyNanoseconds);
        }
        else if (periodNanoseconds < DutyCycleNanoseconds)
        {
            SetDuty(dutyNanoseconds);
            SetPeriod(periodNanoseconds);
        }
        else
        {
            SetPeriod(periodNanoseconds);
            SetDuty(dutyNanoseconds);
        }
    }

    /// <summary>
    /// Sets the polarity (some controllers refuse a change while enabled: stop first). Needs a
    /// period: the kernel applies the channel's whole state on every write and refuses any state
    /// whose period is 0 (EINVAL), so the check is made here with a message that says what to do.
    /// </summary>
    /// <param name="polarity">The polarity.</param>
    /// <exception cref="GpioInvalidArgumentException">Not a polarity, or no period set yet; nothing was written.</exception>
    public void SetPolarity(PwmPolarity polarity)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!Enum.IsDefined(polarity))
        {
            throw new GpioInvalidArgumentException($"PWM polarity {(int)polarity} is neither Normal nor Inversed");
        }

        if (PeriodNanoseconds == 0)
        {
            throw new GpioInvalidArgumentException($"{ChannelPath}: set a frequency (period) before the polarity; the kernel refuses every change while the period is 0");
        }

        if (polarity == Polarity)
        {
            return;
        }

        WriteAttribute("polarity", polarity == PwmPolarity.Normal ? "normal" : "inversed");
        Polarity = polarity;
    }

    /// <inheritdoc />
    public override void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (PeriodNanoseconds == 0)
        {
            throw new GpioInvalidArgumentException($"{ChannelPath}: set a frequency (period) before enabling; the kernel refuses enable while the period is 0");
        }

        if (!_running)
        {
            WriteAttribute("enable", "1");
            _running = true;
        }
    }

    /// <inheritdoc />
    public override void Stop()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_running)
        {
            WriteAttribute("enable", "0");
            _running = false;
        }
    }

    /// <summary>Disables the channel and, if this instance exported it, unexports it (unexport alone would leave it running).</summary>
    /// <param name="disposing">False from a finalizer.</param>
    protected override void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }

        try
        {
            Stop();
        }
        finally
        {
            _disposed = true;
            if (_exportedHere)
            {
                Write(_fs, Path.Combine(_chipPath, "unexport"), Channel.ToString(CultureInfo.InvariantCulture), $"unexporting {ChannelPath}");
            }
        }

        base.Dispose(disposing);
    }

    /// <summary>Reads a chip's channel count.</summary>
    private static int ReadNpwm(PwmFileSystem fs, string chipPath)
    {
        var path = Path.Combine(chipPath, "npwm");
        try
        {
            return int.Parse(fs.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
        {
            throw new GpioNotFoundException($"{path} is missing or unreadable: {chipPath} is not a PWM chip", ex);
        }
    }

    /// <summary>Waits for an exported channel's directory to appear and become writable.</summary>
    private static void WaitForChannel(PwmFileSystem fs, string channelPath, TimeSpan timeout)
    {
        var period = Path.Combine(channelPath, "period");
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var exists = fs.DirectoryExists(channelPath);
            if (exists && fs.IsWritable(period))
            {
                return;
            }

            if (clock.Elapsed >= timeout)
            {
                if (exists)
                {
                    throw new GpioPermissionException($"{channelPath} appeared but {period} is not writable after {timeout.TotalMilliseconds:0} ms; {PermissionHint}");
                }

                throw new GpioNotFoundException($"{channelPath} did not appear within {timeout.TotalMilliseconds:0} ms of the export");
            }

            Thread.Sleep(ExportPollInterval);
        }
    }

    /// <summary>Writes a sysfs file, mapping failures to the layer's errors.</summary>
    private static void Write(PwmFileSystem fs, string path, string value, string what)
    {
        try
        {
            fs.WriteAllText(path, value);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new GpioPermissionException($"{what}: permission denied writing {path}; {PermissionHint}", ex) { Errno = 13 };
        }
        catch (FileNotFoundException ex)
        {
            throw new GpioNotFoundException($"{what}: {path} does not exist", ex) { Errno = 2 };
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new GpioNotFoundException($"{what}: {path} does not exist", ex) { Errno = 2 };
        }
        catch (IOException ex)
        {
            throw ex.HResult switch
            {
                16 => new GpioBusyException($"{what}: the kernel refused \"{value}\" for {path} as busy (EBUSY): another driver (audio, a fan overlay) or process holds it", ex) { Errno = 16 },
                22 => new GpioInvalidArgumentException($"{what}: the kernel refused \"{value}\" for {path} as invalid (EINVAL)", ex) { Errno = 22 },
                19 or 2 or 6 => new GpioNotFoundException($"{what}: the kernel has no such device for {path}", ex) { Errno = ex.HResult },
                _ => new GpioException($"{what}: writing \"{value}\" to {path} failed: {ex.Message}", ex) { Errno = ex.HResult },
            };
        }
    }

    /// <summary>Writes the period if it changes.</summary>
    private void SetPeriod(long period)
    {
        if (period != PeriodNanoseconds)
        {
            WriteAttribute("period", period.ToString(CultureInfo.InvariantCulture));
            PeriodNanoseconds = period;
        }
    }

    /// <summary>Writes the duty if it changes.</summary>
    private void SetDuty(long duty)
    {
        if (duty != DutyCycleNanoseconds)
        {
            WriteAttribute("duty_cycle", duty.ToString(CultureInfo.InvariantCulture));
            DutyCycleNanoseconds = duty;
        }
    }

    /// <summary>Writes one attribute of the channel.</summary>
    private void WriteAttribute(string name, string value) =>
        Write(_fs, Path.Combine(ChannelPath, name), value, $"setting {name} of {ChannelPath}");

    /// <summary>Reads a numeric attribute of the channel.</summary>
    private long ReadLong(string name)
    {
        var path = Path.Combine(ChannelPath, name);
        try
        {
            return long.Parse(_fs.ReadAllText(path).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new GpioPermissionException($"permission denied reading {path}; {PermissionHint}", ex) { Errno = 13 };
        }
        catch (Exception ex) when (ex is IOException or FormatException)
        {
            throw new GpioNotFoundException($"{path} is missing or unreadable", ex);
        }
    }

    /// <summary>Reads the polarity attribute.</summary>
    private PwmPolarity ReadPolarity()
    {
        var path = Path.Combine(ChannelPath, "polarity");
        try
        {
            return string.Equals(_fs.ReadAllText(path).Trim(), "inversed", StringComparison.Ordinal) ? PwmPolarity.Inversed : PwmPolarity.Normal;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return PwmPolarity.Normal; // Controllers without polarity support omit the file.
        }
    }
}
