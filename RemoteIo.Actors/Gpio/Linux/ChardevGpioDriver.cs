using System.Globalization;
using System.Text.RegularExpressions;
using RemoteIo.Actors.Gpio.Interop;

namespace RemoteIo.Actors.Gpio.Linux;

/// <summary>
/// The Linux GPIO character device (<c>/dev/gpiochipN</c>) through the uAPI v2 ioctls, called on
/// libc directly (no native library to install). The driver for real pins on current Raspberry Pi
/// OS (Bookworm and later, Pi 5 included, where the sysfs GPIO interface and /dev/gpiomem tricks
/// are gone) and on any Linux board.
/// </summary>
/// <remarks>
/// <para>
/// Each <see cref="GpioController.OpenLines"/> call is one kernel line request (one file
/// descriptor); lines requested together are read and written with one ioctl. Edge events are read
/// by one thread per driver with <c>ppoll</c> + <c>read</c> and carry the kernel's CLOCK_MONOTONIC
/// timestamps and per-line sequence numbers.
/// </para>
/// <para>
/// Errors name the chip and the line: a held line fails with <see cref="GpioLineBusyException"/>
/// ("line 17 is in use by pigpiod"), a permission problem with a hint about the gpio group and
/// udev rules.
/// </para>
/// </remarks>
public sealed partial class ChardevGpioDriver : GpioDriver
{
    /// <summary>Chip labels of the Raspberry Pi's header GPIO block, most recent first (the Pi 5's RP1, then the BCM2711 and BCM2835 families).</summary>
    private static readonly string[] PreferredLabels = ["pinctrl-rp1", "pinctrl-bcm2712", "pinctrl-bcm2711", "pinctrl-bcm2835"];

    /// <summary>Serialises requests, releases and the line table.</summary>
    private readonly Lock _gate = new();

    /// <summary>The chip descriptor.</summary>
    private readonly int _chipFd;

    /// <summary>Per line, the request holding it (null when this driver does not hold it).</summary>
    private readonly LineRequestHandle?[] _lines;

    /// <summary>Per line, its index within its request.</summary>
    private readonly int[] _indexInRequest;

    /// <summary>Per line, whether its info is watched.</summary>
    private readonly bool[] _watched;

    /// <summary>The thread reading events and info changes.</summary>
    private readonly ChardevEventReader _reader;

    /// <summary>Edges delivered so far (touched only by the reader thread).</summary>
    private long _sequence;

    /// <summary>Opens the chip at <paramref name="path"/>.</summary>
    private ChardevGpioDriver(string path, int chipFd, ChipInfo info)
    {
        Path = path;
        _chipFd = chipFd;
        ChipInfo = info;
        _lines = new LineRequestHandle?[info.LineCount];
        _indexInRequest = new int[info.LineCount];
        _watched = new bool[info.LineCount];
        _reader = new ChardevEventReader(this, chipFd);
    }

    /// <summary>Raised on the event thread when a watched line is requested, released or reconfigured by anyone.</summary>
    public event EventHandler<LineInfoChangedEventArgs>? LineInfoChanged;

    /// <summary>The device node, e.g. <c>/dev/gpiochip0</c>.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public override ChipInfo ChipInfo { get; }

    /// <inheritdoc />
    public override string Description => $"chardev {Path} ({ChipInfo.Label}, {ChipInfo.LineCount} lines)";

    /// <summary>
    /// Opens a chip by path (<c>/dev/gpiochip0</c>), by name (<c>gpiochip0</c>) or by label
    /// (<c>pinctrl-bcm2711</c>, <c>gpio-sim-bank0</c>): labels are stable where numbers are not.
    /// </summary>
    /// <param name="pathOrLabel">The path, name or label.</param>
    /// <param name="devDirectory">Where the device nodes are (for names and labels).</param>
    /// <returns>The driver.</returns>
    /// <exception cref="GpioNotFoundException">No such chip; the message lists the chips there are.</exception>
    /// <exception cref="GpioPermissionException">The chip cannot be opened; the message says how to get access.</exception>
    public static ChardevGpioDriver Open(string pathOrLabel, string devDirectory = "/dev")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathOrLabel);
        if (pathOrLabel.Contains('/', StringComparison.Ordinal))
        {
            return OpenPath(pathOrLabel);
        }

        if (ChipName().IsMatch(pathOrLabel))
        {
            return OpenPath(System.IO.Path.Combine(devDirectory, pathOrLabel));
        }

        foreach (var chip in ListChips(devDirectory))
        {
            if (string.Equals(chip.Label, pathOrLabel, StringComparison.Ordinal))
            {
                return OpenPath(chip.Path);
            }
        }

        throw new GpioNotFoundException($"no GPIO chip labelled \"{pathOrLabel}\" in {devDirectory}; chips there: {Describe(ListChips(devDirectory))}");
    }

    /// <summary>
    /// Opens the chip behind a Raspberry Pi's 40-pin header when one is found by label
    /// (pinctrl-rp1, pinctrl-bcm2711, ...), otherwise the lowest-numbered chip.
    /// </summary>
    /// <param name="devDirectory">Where the device nodes are.</param>
    /// <param name="reason">Why this chip was chosen, for the log.</param>
    /// <returns>The driver.</returns>
    /// <exception cref="GpioNotFoundException">There is no chip at all.</exception>
    public static ChardevGpioDriver OpenDefault(string devDirectory, out string reason)
    {
        var chips = ListChips(devDirectory);
        if (chips.Count == 0)
        {
            throw new GpioNotFoundException($"no GPIO chip (gpiochip*) in {devDirectory}");
        }

        foreach (var label in PreferredLabels)
        {
            var match = chips.FirstOrDefault(c => string.Equals(c.Label, label, StringComparison.Ordinal));
            if (match is not null)
            {
                reason = $"its label {label} is the Raspberry Pi's header GPIO block";
                return OpenPath(match.Path);
            }
        }

        reason = $"no chip has a Raspberry Pi header label, so the first of {chips.Count} chip(s) ({Describe(chips)}) is used; set remoteio.gpio.chip to choose";
        return OpenPath(chips[0].Path);
    }

    /// <summary>Lists the GPIO chips in <paramref name="devDirectory"/>, ordered by number; chips that cannot be opened are skipped.</summary>
    /// <param name="devDirectory">Where the device nodes are.</param>
    /// <returns>The chips.</returns>
    public static IReadOnlyList<ChipInfo> ListChips(string devDirectory = "/dev")
    {
        if (!Directory.Exists(devDirectory))
        {
            return [];
        }

        var result = new List<ChipInfo>();
        foreach (var path in ChipPaths(devDirectory))
        {
            try
            {
                result.Add(ReadChipInfo(path));
            }
            catch (GpioException)
            {
                // Unreadable or not a GPIO chip: not a candidate.
            }
        }

        return result;
    }

    /// <summary>The device nodes named gpiochipN in a directory, ordered by N.</summary>
    /// <param name="devDirectory">Where the device nodes are.</param>
    /// <returns>The paths.</returns>
    public static IReadOnlyList<string> ChipPaths(string devDirectory = "/dev")
    {
        if (!Directory.Exists(devDirectory))
        {
            return [];
        }

        return
        [
            .. Directory.EnumerateFileSystemEntries(devDirectory, "gpiochip*")
                .Where(p => ChipName().IsMatch(System.IO.Path.GetFileName(p)))
                .OrderBy(p => int.Parse(System.IO.Path.GetFileName(p)["gpiochip".Length..], CultureInfo.InvariantCulture)),
        ];
    }

    /// <summary>Reads a chip's name, label and line count.</summary>
    /// <param name="path">The device node.</param>
    /// <returns>The chip info.</returns>
    public static ChipInfo ReadChipInfo(string path)
    {
        var fd = OpenFd(path);
        try
        {
            return QueryChipInfo(fd, path);
        }
        finally
        {
            _ = Libc.Close(fd);
        }
    }

    /// <summary>Asks the kernel to report changes of a line's info (requested, released, reconfigured — by any process) through <see cref="LineInfoChanged"/>.</summary>
    /// <param name="line">A line of the chip.</param>
    /// <returns>The line's info now.</returns>
    public unsafe LineInfo WatchLineInfo(int line)
    {
        CheckRange(line);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            if (_watched[line])
            {
                throw new GpioInvalidArgumentException($"line {line} of {Path} is already watched");
            }

            var info = new GpioV2LineInfo { Offset = (uint)line };
            Ioctl(_chipFd, GpioUapi.V2GetLineInfoWatch, &info, $"watching line {line} of {Path}");
            _watched[line] = true;
            _reader.ChangeWatchCount(+1);
            return ToLineInfo(info);
        }
    }

    /// <summary>Stops watching a line.</summary>
    /// <param name="line">A watched line.</param>
    public unsafe void UnwatchLineInfo(int line)
    {
        CheckRange(line);
        lock (_gate)
        {
            if (!_watched[line])
            {
                throw new GpioInvalidArgumentException($"line {line} of {Path} is not watched");
            }

            var offset = (uint)line;
            Ioctl(_chipFd, GpioUapi.GetLineInfoUnwatch, &offset, $"unwatching line {line} of {Path}");
            _watched[line] = false;
            _reader.ChangeWatchCount(-1);
        }
    }

    /// <summary>Delivers one kernel edge event (reader thread).</summary>
    /// <param name="native">The event.</param>
    internal void DeliverEdge(in GpioV2LineEvent native)
    {
        if (native.Offset >= (uint)_lines.Length || Volatile.Read(ref _lines[native.Offset]) is null)
        {
            return; // Released while its request (shared with lines still held) stays open.
        }

        var kind = native.Id == GpioUapi.EventRisingEdge ? PinEventTypes.Rising : PinEventTypes.Falling;
        RaiseEdge(new GpioEdgeEvent((int)native.Offset, kind, (long)native.TimestampNs, ++_sequence, native.LineSeqno));
    }

    /// <summary>Delivers one line-info change (reader thread).</summary>
    /// <param name="native">The change.</param>
    internal void DeliverInfoChange(in GpioV2LineInfoChanged native)
    {
        var kind = native.EventType is >= 1 and <= 3 ? (LineInfoChangeKind)native.EventType : LineInfoChangeKind.Unknown;
        LineInfoChanged?.Invoke(this, new LineInfoChangedEventArgs(ToLineInfo(native.Info), kind, (long)native.TimestampNs));
    }

    /// <inheritdoc />
    protected internal override unsafe void RequestLines(ReadOnlySpan<int> lines, LineSettings settings, string consumer)
    {
        var request = default(GpioV2LineRequest);
        for (var i = 0; i < lines.Length; i++)
        {
            request.Offsets[i] = (uint)lines[i];
        }

        NativeText.Write(consumer, request.Consumer, GpioUapi.MaxNameSize);
        request.NumLines = (uint)lines.Length;
        var all = lines.Length == 64 ? ulong.MaxValue : (1UL << lines.Length) - 1;
        var outputs = settings.Direction == LineDirection.Output ? all : 0;
        FillConfig(ref request.Config, [settings], [all], settings.InitialValue.IsHigh ? all : 0, outputs);

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            if (Libc.Ioctl(_chipFd, GpioUapi.V2GetLine, &request) < 0)
            {
                var errno = Errno.Last;
                if (errno == Libc.EBUSY)
                {
                    throw BusyError(lines);
                }

                throw Errno.ToException(errno, $"requesting line(s) {string.Join(", ", lines.ToArray())} of {Path}");
            }

            var handle = new LineRequestHandle(request.Fd, lines.ToArray(), settings, consumer);
            for (var i = 0; i < lines.Length; i++)
            {
                _lines[lines[i]] = handle;
                _indexInRequest[lines[i]] = i;
            }

            if (handle.WantsEvents)
            {
                _reader.Add(handle);
            }
        }
    }

    /// <inheritdoc />
    protected internal override unsafe void ReconfigureLine(int line, LineSettings settings)
    {
        lock (_gate)
        {
            var handle = Held(line);
            var index = _indexInRequest[line];
            var wasWatching = handle.WantsEvents;

            // The kernel takes the whole request's configuration at once and sets every output
            // from it, so outputs keep their current values unless this line turns into one.
            var values = ReadValues(handle, handle.AllMask);
            var bit = 1UL << index;
            if (handle.Settings[index].Direction != LineDirection.Output && settings.Direction == LineDirection.Output)
            {
                values = settings.InitialValue.IsHigh ? values | bit : values & ~bit;
            }

            var next = (LineSettings[])handle.Settings.Clone();
            next[index] = settings;
            var config = default(GpioV2LineConfig);
            var groups = next.Distinct().ToArray();
            var masks = groups.Select(g => MaskOf(next, g)).ToArray();
            var outputs = MaskOf(next, s => s.Direction == LineDirection.Output);
            FillConfig(ref config, groups, masks, values, outputs);
            Ioctl(handle.Fd, GpioUapi.V2LineSetConfig, &config, $"reconfiguring line {line} of {Path}");
            handle.Settings[index] = settings;
            if (!wasWatching && handle.WantsEvents)
            {
                _reader.Add(handle);
            }
            else if (wasWatching && !handle.WantsEvents)
            {
                _ = _reader.Remove(handle);
            }
        }
    }

    /// <inheritdoc />
    protected internal override void ReleaseLine(int line)
    {
        lock (_gate)
        {
            var handle = Held(line);
            handle.Released[_indexInRequest[line]] = true;
            _lines[line] = null;
            if (handle.AllReleased)
            {
                Close(handle);
            }
        }
    }

    /// <inheritdoc />
    protected internal override PinValue ReadLine(int line)
    {
        var handle = Held(line);
        var bit = 1UL << _indexInRequest[line];
        return (ReadValues(handle, bit) & bit) != 0;
    }

    /// <inheritdoc />
    protected internal override unsafe void WriteLine(int line, PinValue value)
    {
        var handle = Held(line);
        var bit = 1UL << _indexInRequest[line];
        var values = new GpioV2LineValues { Mask = bit, Bits = value.IsHigh ? bit : 0 };
        Ioctl(handle.Fd, GpioUapi.V2LineSetValues, &values, "setting line value");
    }

    /// <inheritdoc />
    protected internal override unsafe void WriteLines(ReadOnlySpan<PinValuePair> values)
    {
        // One ioctl per kernel request: lines opened together change together.
        Span<bool> done = stackalloc bool[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (done[i])
            {
                continue;
            }

            var handle = Held(values[i].Line);
            var native = default(GpioV2LineValues);
            for (var j = i; j < values.Length; j++)
            {
                if (!done[j] && ReferenceEquals(_lines[values[j].Line], handle))
                {
                    var bit = 1UL << _indexInRequest[values[j].Line];
                    native.Mask |= bit;
                    native.Bits |= values[j].Value.IsHigh ? bit : 0;
                    done[j] = true;
                }
            }

            Ioctl(handle.Fd, GpioUapi.V2LineSetValues, &native, "setting line values");
        }
    }

    /// <inheritdoc />
    protected internal override unsafe LineInfo GetLineInfo(int line)
    {
        var info = new GpioV2LineInfo { Offset = (uint)line };
        Ioctl(_chipFd, GpioUapi.V2GetLineInfo, &info, $"reading info of line {line} of {Path}");
        return ToLineInfo(info);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        lock (_gate)
        {
            foreach (var handle in _lines.Where(h => h is not null).Distinct().ToArray())
            {
                Close(handle!);
            }

            Array.Clear(_lines);
        }

        _reader.Dispose();
        _ = Libc.Close(_chipFd);
        base.Dispose(disposing);
    }

    /// <summary>Matches chip names: gpiochip followed by a number.</summary>
    [GeneratedRegex("^gpiochip[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ChipName();

    /// <summary>Opens a chip and reads its info.</summary>
    private static ChardevGpioDriver OpenPath(string path)
    {
        var fd = OpenFd(path);
        try
        {
            return new ChardevGpioDriver(path, fd, QueryChipInfo(fd, path));
        }
        catch
        {
            _ = Libc.Close(fd);
            throw;
        }
    }

    /// <summary>Opens a device node read-write, close-on-exec.</summary>
    private static int OpenFd(string path)
    {
        int fd;
        do
        {
            fd = Libc.Open(path, Libc.ORdWr | Libc.OCloExec);
        }
        while (fd < 0 && Errno.Last == Libc.EINTR);

        if (fd < 0)
        {
            var errno = Errno.Last;
            if (errno is Libc.ENOENT)
            {
                var dir = System.IO.Path.GetDirectoryName(path) ?? "/dev";
                throw new GpioNotFoundException($"no GPIO chip at {path}; chips in {dir}: {Describe(ListChips(dir))}") { Errno = errno };
            }

            throw Errno.ToException(errno, $"opening {path}");
        }

        return fd;
    }

    /// <summary>GPIO_GET_CHIPINFO_IOCTL on an open chip.</summary>
    private static unsafe ChipInfo QueryChipInfo(int fd, string path)
    {
        var native = default(GpioChipInfoNative);
        Ioctl(fd, GpioUapi.GetChipInfo, &native, $"reading chip info of {path}");
        return new ChipInfo(
            NativeText.Read(native.Name, GpioUapi.MaxNameSize),
            NativeText.Read(native.Label, GpioUapi.MaxNameSize),
            (int)native.Lines,
            path);
    }

    /// <summary>Runs an ioctl, retrying on EINTR, throwing a clear error otherwise.</summary>
    private static unsafe void Ioctl(int fd, nuint request, void* argument, string what)
    {
        while (Libc.Ioctl(fd, request, argument) < 0)
        {
            var errno = Errno.Last;
            if (errno != Libc.EINTR)
            {
                throw Errno.ToException(errno, what);
            }
        }
    }

    /// <summary>Lists chips for messages: "gpiochip0 (pinctrl-bcm2711, 54 lines), ...".</summary>
    private static string Describe(IReadOnlyList<ChipInfo> chips) =>
        chips.Count == 0 ? "none" : string.Join(", ", chips.Select(c => $"{c.Name} ({c.Label}, {c.LineCount} lines)"));

    /// <summary>The kernel flags for one settings group.</summary>
    private static ulong ToFlags(LineSettings settings)
    {
        var flags = settings.Direction == LineDirection.Output ? GpioUapi.FlagOutput : GpioUapi.FlagInput;
        if (settings.ActiveLow)
        {
            flags |= GpioUapi.FlagActiveLow;
        }

        flags |= settings.Bias switch
        {
            LineBias.PullUp => GpioUapi.FlagBiasPullUp,
            LineBias.PullDown => GpioUapi.FlagBiasPullDown,
            LineBias.Disabled => GpioUapi.FlagBiasDisabled,
            _ => 0,
        };
        flags |= settings.Drive switch
        {
            LineDrive.OpenDrain => GpioUapi.FlagOpenDrain,
            LineDrive.OpenSource => GpioUapi.FlagOpenSource,
            _ => 0,
        };
        if ((settings.EdgeDetection & PinEventTypes.Rising) != 0)
        {
            flags |= GpioUapi.FlagEdgeRising;
        }

        if ((settings.EdgeDetection & PinEventTypes.Falling) != 0)
        {
            flags |= GpioUapi.FlagEdgeFalling;
        }

        return flags;
    }

    /// <summary>
    /// Fills a line config: the first group's flags as default, a FLAGS attribute per further
    /// group, output values for the outputs, a DEBOUNCE attribute per debounce period.
    /// </summary>
    private static void FillConfig(ref GpioV2LineConfig config, LineSettings[] groups, ulong[] masks, ulong values, ulong outputs)
    {
        config.Flags = ToFlags(groups[0]);
        var count = 0;
        for (var g = 1; g < groups.Length; g++)
        {
            AddAttribute(ref config, ref count, new GpioV2LineAttribute { Id = GpioUapi.AttrIdFlags, Flags = ToFlags(groups[g]) }, masks[g]);
        }

        if (outputs != 0)
        {
            AddAttribute(ref config, ref count, new GpioV2LineAttribute { Id = GpioUapi.AttrIdOutputValues, Values = values & outputs }, outputs);
        }

        foreach (var period in groups.Select(g => g.Debounce).Where(d => d > TimeSpan.Zero).Distinct())
        {
            var mask = 0UL;
            for (var g = 0; g < groups.Length; g++)
            {
                mask |= groups[g].Debounce == period ? masks[g] : 0;
            }

            var attribute = new GpioV2LineAttribute { Id = GpioUapi.AttrIdDebounce, DebouncePeriodUs = (uint)Math.Ceiling(period.TotalMicroseconds) };
            AddAttribute(ref config, ref count, attribute, mask);
        }

        config.NumAttrs = (uint)count;
    }

    /// <summary>Appends one attribute, refusing more than the kernel's ten.</summary>
    private static void AddAttribute(ref GpioV2LineConfig config, ref int count, in GpioV2LineAttribute attribute, ulong mask)
    {
        if (count == GpioUapi.LineNumAttrsMax)
        {
            throw new GpioInvalidArgumentException($"the lines of one request differ in more ways than the kernel's {GpioUapi.LineNumAttrsMax} configuration attributes can express; request them separately");
        }

        config.Attrs[count++] = new GpioV2LineConfigAttribute { Attr = attribute, Mask = mask };
    }

    /// <summary>The request bits whose settings equal <paramref name="group"/>.</summary>
    private static ulong MaskOf(LineSettings[] settings, LineSettings group) => MaskOf(settings, s => s == group);

    /// <summary>The request bits whose settings satisfy <paramref name="predicate"/>.</summary>
    private static ulong MaskOf(LineSettings[] settings, Func<LineSettings, bool> predicate)
    {
        var mask = 0UL;
        for (var i = 0; i < settings.Length; i++)
        {
            mask |= predicate(settings[i]) ? 1UL << i : 0;
        }

        return mask;
    }

    /// <summary>Converts kernel line info.</summary>
    private static unsafe LineInfo ToLineInfo(GpioV2LineInfo info)
    {
        var flags = info.Flags;
        var debounce = TimeSpan.Zero;
        for (var i = 0; i < Math.Min(info.NumAttrs, (uint)GpioUapi.LineNumAttrsMax); i++)
        {
            if (info.Attrs[i].Id == GpioUapi.AttrIdDebounce)
            {
                debounce = TimeSpan.FromMicroseconds(info.Attrs[i].DebouncePeriodUs);
            }
        }

        var edges = PinEventTypes.None;
        edges |= (flags & GpioUapi.FlagEdgeRising) != 0 ? PinEventTypes.Rising : PinEventTypes.None;
        edges |= (flags & GpioUapi.FlagEdgeFalling) != 0 ? PinEventTypes.Falling : PinEventTypes.None;
        return new LineInfo(
            (int)info.Offset,
            NativeText.Read(info.Name, GpioUapi.MaxNameSize),
            NativeText.Read(info.Consumer, GpioUapi.MaxNameSize),
            (flags & GpioUapi.FlagUsed) != 0,
            (flags & GpioUapi.FlagOutput) != 0 ? LineDirection.Output : LineDirection.Input,
            (flags & GpioUapi.FlagActiveLow) != 0,
            (flags & GpioUapi.FlagBiasPullUp) != 0 ? LineBias.PullUp
                : (flags & GpioUapi.FlagBiasPullDown) != 0 ? LineBias.PullDown
                : (flags & GpioUapi.FlagBiasDisabled) != 0 ? LineBias.Disabled
                : LineBias.AsIs,
            (flags & GpioUapi.FlagOpenDrain) != 0 ? LineDrive.OpenDrain
                : (flags & GpioUapi.FlagOpenSource) != 0 ? LineDrive.OpenSource
                : LineDrive.PushPull,
            edges,
            debounce);
    }

    /// <summary>Reads the request's values for the bits in <paramref name="mask"/>.</summary>
    private static unsafe ulong ReadValues(LineRequestHandle handle, ulong mask)
    {
        var values = new GpioV2LineValues { Mask = mask };
        Ioctl(handle.Fd, GpioUapi.V2LineGetValues, &values, "reading line values");
        return values.Bits;
    }

    /// <summary>The busy error for a failed request: finds the held line and names its consumer.</summary>
    private GpioLineBusyException BusyError(ReadOnlySpan<int> lines)
    {
        foreach (var line in lines)
        {
            try
            {
                var info = GetLineInfo(line);
                if (info.InUse)
                {
                    return new GpioLineBusyException(line, info.Consumer) { Errno = Libc.EBUSY };
                }
            }
            catch (GpioException)
            {
                // Info unavailable: fall through to the generic message.
            }
        }

        return new GpioLineBusyException(lines[0], string.Empty) { Errno = Libc.EBUSY };
    }

    /// <summary>The request holding a line of this driver.</summary>
    private LineRequestHandle Held(int line) =>
        Volatile.Read(ref _lines[line]) ?? throw new GpioInvalidArgumentException($"line {line} of {Path} is not held by this driver");

    /// <summary>Refuses an offset the chip does not have.</summary>
    private void CheckRange(int line)
    {
        if ((uint)line >= (uint)_lines.Length)
        {
            throw new GpioInvalidArgumentException($"line {line} does not exist: {Path} has lines 0..{_lines.Length - 1}");
        }
    }

    /// <summary>Stops polling a request and closes it (the kernel releases its lines).</summary>
    private void Close(LineRequestHandle handle)
    {
        if (_reader.Remove(handle))
        {
            _ = Libc.Close(handle.Fd);
        }
    }
}
