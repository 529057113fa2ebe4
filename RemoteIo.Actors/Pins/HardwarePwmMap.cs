using System.Globalization;
using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Boards;
using RemoteIo.Actors.Gpio.Pwm;
using RemoteIo.Actors.Gpio.Timing;

namespace RemoteIo.Actors.Pins;

/// <summary>
/// Which GPIOs of this host have a usable hardware PWM channel, decided once at start: the board
/// model maps the GPIO to a channel, the header's pwmchip is present and writable, and the pins'
/// PWM function can be selected again (<see cref="PwmPinFunction"/>). Channels are exported (and
/// left disabled) at start and kept until the host stops. On a BCM283x/BCM2711 two GPIOs share each channel
/// (12 and 18, 13 and 19): one of them holds it at a time, the other gets software PWM meanwhile.
/// </summary>
internal sealed class HardwarePwmMap : IDisposable
{
    /// <summary>The highest frequency asked of a hardware channel (see <see cref="PinsSettings.MaxHardwarePwmFrequencyHz"/>).</summary>
    public const double MaxFrequencyHz = PinsSettings.MaxHardwarePwmFrequencyHz;

    /// <summary>Guards the channels and their holders.</summary>
    private readonly Lock _gate = new();

    /// <summary>Per GPIO, its output; null when it has no usable channel.</summary>
    private readonly HardwarePwmOutput?[] _outputs;

    /// <summary>Per channel number, the opened channel (null until first used).</summary>
    private readonly SysfsPwmChannel?[] _channels;

    /// <summary>Per channel number, the GPIO holding it; -1 when free.</summary>
    private readonly int[] _holders;

    /// <summary>The file operations.</summary>
    private readonly PwmFileSystem _fs;

    /// <summary>The sysfs PWM root.</summary>
    private readonly string _root;

    /// <summary>The pwmchip number.</summary>
    private readonly int _chip;

    /// <summary>The pinmux-select file that routes a channel to its pin.</summary>
    private readonly string _pinmuxSelect;

    /// <summary>Where warnings go.</summary>
    private readonly Action<string> _log;

    /// <summary>A map without hardware PWM.</summary>
    private HardwarePwmMap(int lineCount, string summary, PwmFileSystem fs, Action<string> log)
        : this(lineCount, summary, fs, string.Empty, -1, string.Empty, 0, log)
    {
    }

    /// <summary>A map over one pwmchip.</summary>
    private HardwarePwmMap(int lineCount, string summary, PwmFileSystem fs, string root, int chip, string pinmuxSelect, int channelCount, Action<string> log)
    {
        _outputs = new HardwarePwmOutput?[lineCount];
        _channels = new SysfsPwmChannel?[channelCount];
        _holders = Enumerable.Repeat(-1, channelCount).ToArray();
        _fs = fs;
        _root = root;
        _chip = chip;
        _pinmuxSelect = pinmuxSelect;
        _log = log;
        Summary = summary;
    }

    /// <summary>One line for the start log: which GPIOs have hardware PWM and why the others do not.</summary>
    public string Summary { get; private set; }

    /// <summary>The GPIOs with a usable hardware channel, ascending.</summary>
    public IReadOnlyList<int> Gpios => [.. _outputs.Where(o => o is { DisabledBecause: null }).Select(o => o!.Gpio)];

    /// <summary>Decides which GPIOs have hardware PWM.</summary>
    /// <param name="settings">The pins' settings (<c>hardware-pwm</c>, <c>pinctrl-root</c>).</param>
    /// <param name="gpio">The GPIO layer's settings (<c>pwm-root</c>, <c>pwm-chip</c>, <c>model</c>, <c>model-path</c>).</param>
    /// <param name="fs">The sysfs and debugfs file operations.</param>
    /// <param name="clock">The host's clock.</param>
    /// <param name="listener">Receives the hardware waveforms' endings.</param>
    /// <param name="lineCount">Lines of the chip.</param>
    /// <param name="log">Receives warnings after start (a channel that failed).</param>
    /// <returns>The map.</returns>
    public static HardwarePwmMap Discover(PinsSettings settings, GpioOptions gpio, PwmFileSystem fs, TimeProvider clock, IWaveformListener listener, int lineCount, Action<string> log)
    {
        if (settings.HardwarePwm == HardwarePwmMode.Off)
        {
            return new HardwarePwmMap(lineCount, "hardware PWM off (remoteio.pins.hardware-pwm = off): every GPIO uses software PWM", fs, log);
        }

        var board = BoardModel.Detect(gpio.ModelPath, gpio.Model);
        var mapped = board.HardwarePwmChannels.Where(c => c.Gpio < lineCount).ToList();
        if (mapped.Count == 0)
        {
            return new HardwarePwmMap(lineCount, $"no hardware PWM on {board.Name}: every GPIO uses software PWM", fs, log);
        }

        var listed = $"{board.Name} has it on GPIO {string.Join(", ", mapped.Select(c => c.Gpio))}";
        var chip = gpio.PwmChip >= 0 ? gpio.PwmChip : board.FindPwmChip(gpio.PwmRoot, fs);
        var channelCount = 0;
        string? pinmux = null;
        var missing = chip is null
            ? $"no pwmchip under {gpio.PwmRoot} is its PWM controller (enable it with dtoverlay=pwm-2chan in /boot/firmware/config.txt)"
            : CheckChip(fs, gpio.PwmRoot, chip.Value, out channelCount);
        missing ??= CheckPinmux(fs, board, settings.PinctrlRoot, out pinmux);
        if (missing is not null)
        {
            return new HardwarePwmMap(lineCount, $"no hardware PWM: {listed}, but {missing}; every GPIO uses software PWM", fs, log);
        }

        var map = new HardwarePwmMap(lineCount, string.Empty, fs, gpio.PwmRoot, chip!.Value, pinmux!, channelCount, log);
        var usable = mapped.Where(c => c.Channel < channelCount).ToList();
        foreach (var c in usable)
        {
            map._outputs[c.Gpio] = new HardwarePwmOutput(c.Gpio, c.Channel, PwmPinFunction.For(board.Soc, c.Gpio)!, clock, listener);
        }

        // Exported now, not on first use: the export waits for udev (hundreds of ms on a Pi), which
        // must not stall the timing dispatcher in the middle of a command.
        try
        {
            foreach (var channel in usable.Select(c => c.Channel).Distinct())
            {
                map._channels[channel] = SysfsPwmChannel.Open(chip.Value, channel, gpio.PwmRoot, fs);
            }
        }
        catch (GpioException e)
        {
            map.Dispose();
            return new HardwarePwmMap(lineCount, $"no hardware PWM: {listed}, but its channels could not be opened: {e.Message}; every GPIO uses software PWM", fs, log);
        }

        var shared = usable.GroupBy(c => c.Channel).Where(g => g.Count() > 1).Select(g => $"{string.Join(" and ", g.Select(c => c.Gpio))} share channel {g.Key}").ToList();
        map.Summary = $"hardware PWM on {board.Name}, pwmchip{chip} under {gpio.PwmRoot}: "
            + string.Join(", ", usable.Select(c => string.Create(CultureInfo.InvariantCulture, $"GPIO {c.Gpio} -> channel {c.Channel}")))
            + (shared.Count > 0 ? $" ({string.Join("; ", shared)}: one at a time, the other meanwhile uses software PWM)" : string.Empty)
            + $"; PWM function selected through {pinmux}; every other GPIO uses software PWM";
        return map;
    }

    /// <summary>Whether <paramref name="gpio"/> can run hardware PWM now: it has a usable channel that no other GPIO holds.</summary>
    /// <param name="gpio">The GPIO.</param>
    /// <returns>True when it can.</returns>
    public bool IsAvailable(int gpio)
    {
        if (Output(gpio) is not { DisabledBecause: null } output)
        {
            return false;
        }

        lock (_gate)
        {
            return _holders[output.Channel] is -1 || _holders[output.Channel] == gpio;
        }
    }

    /// <summary>Whether <paramref name="gpio"/> has a hardware channel at all (it may be held by the other GPIO on it now).</summary>
    /// <param name="gpio">The GPIO.</param>
    /// <returns>True when it has one.</returns>
    public bool Has(int gpio) => Output(gpio) is { DisabledBecause: null };

    /// <summary>The GPIO's output, or null.</summary>
    /// <param name="gpio">The GPIO.</param>
    /// <returns>The output.</returns>
    public HardwarePwmOutput? Output(int gpio) => (uint)gpio < (uint)_outputs.Length ? _outputs[gpio] : null;

    /// <summary>
    /// Gives <paramref name="gpio"/> its channel (polarity normal) and
    /// attaches it to the GPIO's output; null when the GPIO sharing the channel holds it (it may
    /// have taken it since the caller looked: pin actors run in parallel).
    /// </summary>
    /// <param name="gpio">A GPIO with an output.</param>
    /// <returns>The output, or null.</returns>
    /// <exception cref="GpioException">Sysfs refused the channel.</exception>
    public HardwarePwmOutput? TryAcquire(int gpio)
    {
        var output = Output(gpio) ?? throw new GpioNotFoundException($"GPIO {gpio} has no hardware PWM channel");
        lock (_gate)
        {
            var holder = _holders[output.Channel];
            if (holder != -1 && holder != gpio)
            {
                return null;
            }

            var pwm = _channels[output.Channel] ??= SysfsPwmChannel.Open(_chip, output.Channel, _root, _fs);
            if (pwm.Polarity != PwmPolarity.Normal)
            {
                // Left inversed by someone else: every duty would mean its complement.
                pwm.Stop();
                if (pwm.PeriodNanoseconds == 0)
                {
                    pwm.Configure(1_000_000, 0);
                }

                pwm.SetPolarity(PwmPolarity.Normal);
            }

            _holders[output.Channel] = gpio;
            output.Attach(pwm);
            return output;
        }
    }

    /// <summary>
    /// Takes the channel off the other pins it may be routed to: on a Pi 4 the pwm-2chan overlay
    /// routes channel 0 to GPIO 18 at boot, so driving it for GPIO 12 would make GPIO 18 pulse too.
    /// A sibling nobody holds (not the host, not another process) is made a plain input; one that is
    /// held is in GPIO mode already.
    /// </summary>
    /// <param name="gpio">The GPIO about to take its channel.</param>
    /// <param name="controller">The host's controller (which lines it holds, and who holds the others).</param>
    /// <exception cref="GpioException">The kernel refused.</exception>
    public void Isolate(int gpio, GpioController controller)
    {
        var channel = Output(gpio)!.Channel;
        foreach (var sibling in _outputs)
        {
            if (sibling is null || sibling.Gpio == gpio || sibling.Channel != channel
                || controller.IsPinOpen(sibling.Gpio) || controller.GetLineInfo(sibling.Gpio).InUse)
            {
                continue;
            }

            PwmPinFunction.Select(_fs, _pinmuxSelect, sibling.Gpio, PwmPinFunction.Input);
        }
    }

    /// <summary>Selects the PWM function on the GPIO's pin (after the host released its line).</summary>
    /// <param name="gpio">A GPIO with an output.</param>
    /// <exception cref="GpioException">The kernel refused.</exception>
    public void Route(int gpio) => PwmPinFunction.Select(_fs, _pinmuxSelect, gpio, Output(gpio)!.Function);

    /// <summary>The GPIO gives its channel back (after its output was cancelled).</summary>
    /// <param name="gpio">The GPIO.</param>
    public void Release(int gpio)
    {
        if (Output(gpio) is not { } output)
        {
            return;
        }

        output.Detach();
        lock (_gate)
        {
            if (_holders[output.Channel] == gpio)
            {
                _holders[output.Channel] = -1;
            }
        }
    }

    /// <summary>Takes a GPIO's hardware PWM out of use after a failure that will not go away (permission, a busy or vanished channel).</summary>
    /// <param name="gpio">The GPIO.</param>
    /// <param name="reason">Why, for the log.</param>
    public void Disable(int gpio, string reason)
    {
        if (Output(gpio) is { DisabledBecause: null } output)
        {
            output.DisabledBecause = reason;
            _log($"GPIO {gpio}: hardware PWM disabled, software PWM from now on: {reason}");
        }
    }

    /// <summary>Stops the timers; disables every channel opened and unexports those the host exported.</summary>
    public void Dispose()
    {
        foreach (var output in _outputs)
        {
            output?.Dispose();
        }

        lock (_gate)
        {
            foreach (var pwm in _channels)
            {
                try
                {
                    pwm?.Dispose();
                }
                catch (GpioException e)
                {
                    _log($"{pwm!.ChannelPath}: could not disable and unexport at shutdown: {e.Message}");
                }
            }
        }
    }

    /// <summary>Checks the chip exists and its export file is writable; null when fine, else why not.</summary>
    private static string? CheckChip(PwmFileSystem fs, string root, int chip, out int channelCount)
    {
        channelCount = 0;
        var path = Path.Combine(root, "pwmchip" + chip.ToString(CultureInfo.InvariantCulture));
        if (!fs.DirectoryExists(path))
        {
            return $"{path} does not exist (remoteio.gpio.pwm-chip)";
        }

        try
        {
            channelCount = int.Parse(fs.ReadAllText(Path.Combine(path, "npwm")).Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            return $"{path}/npwm is unreadable: {e.Message}";
        }

        return fs.IsWritable(Path.Combine(path, "export")) ? null : $"{path}/export is not writable ({SysfsPwmChannel.PermissionHint})";
    }

    /// <summary>Finds the pinmux-select file; null when found, else why not.</summary>
    private static string? CheckPinmux(PwmFileSystem fs, BoardModel board, string pinctrlRoot, out string? pinmux)
    {
        pinmux = PwmPinFunction.FindPinmuxSelect(board.Soc, pinctrlRoot, fs, out var why);
        return pinmux is null ? $"the host could not give the pins back their PWM function after driving them as GPIOs: {why}" : null;
    }
}
