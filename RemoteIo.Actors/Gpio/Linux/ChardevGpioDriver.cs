using System.Globalization;
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
/// The kernel frees lines only when their request's descriptor is closed. Releasing some lines of
/// a joint request therefore closes it and requests the remaining lines again at once, with their
/// settings and their current output values, so a released line is really free for others, as on
/// the simulated chip. Two costs, inherent to the uAPI: for the microseconds in between the
/// remaining lines are not held (on chips whose driver resets a freed line — gpio-sim returns it to
/// its pull, Raspberry Pi kernels without <c>persist_gpio_outputs</c> make it an input — an output
/// can glitch), and edges in that instant are not detected. Open lines that must never glitch in
/// requests of their own. Should the new request fail (another process took a line in that instant,
/// or the chip is gone), the remaining lines are no longer held: the release reports it, unless the
/// chip is gone, and every later use of such a line says why.
/// </para>
/// <para>
/// Errors name the ioctl with its number, the chip and the line(s) ("GPIO_V2_LINE_SET_VALUES_IOCTL
/// (0xc010b40f) on gpiochip0 lines 6,7 failed: No such device (errno 19)"): Linux answers an ioctl
/// it does not know with EINVAL, as it answers bad contents, so the number is what tells the two
/// apart. A held line fails with <see cref="GpioLineBusyException"/> ("line 17 is in use by
/// pigpiod"), a permission problem with a hint about the gpio group and udev rules.
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

    /// <summary>
    /// Per line, why it is no longer held although its controller still has it open: its request
    /// was closed to release a sibling line and requesting it again failed. Reported by every later
    /// use; cleared when the line is released.
    /// </summary>
    private readonly GpioException?[] _lost;

    /// <summary>Per line, what to add to the kernel's per-request line sequence so it continues across a re-request.</summary>
    private readonly long[] _lineSequenceBase;

    /// <summary>Per line, the last line sequence delivered (written by whichever thread delivers the line's events, one at a time).</summary>
    private readonly long[] _lastLineSequence;

    /// <summary>Edges delivered so far (incremented atomically: a re-request delivers its leftovers off the reader thread).</summary>
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
        _lost = new GpioException?[info.LineCount];
        _lineSequenceBase = new long[info.LineCount];
        _lastLineSequence = new long[info.LineCount];
        _reader = new ChardevEventReader(this, chipFd);
    }

    /// <summary>Raised on the event thread when a watched line is requested, released or reconfigured by anyone.</summary>
    public event EventHandler<LineInfoChangedEventArgs>? LineInfoChanged;

    /// <summary>The device node, e.g. <c>/dev/gpiochip0</c>.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public override ChipInfo ChipInfo { get; }

    /// <summary>The Linux thread id of the event thread (0 before the first edge request or watch started it), for diagnostics.</summary>
    internal int EventThreadId => _reader.NativeThreadId;

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

        if (IsChipName(pathOrLabel))
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
                .Where(p => IsChipName(System.IO.Path.GetFileName(p)))
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
            Ioctl(_chipFd, GpioUapi.V2GetLineInfoWatch, &info, line);
            _watched[line] = true;
            _reader.ChangeWatchCount(+1);
            return LineConfigEncoder.ToLineInfo(info);
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
            Ioctl(_chipFd, GpioUapi.GetLineInfoUnwatch, &offset, line);
            _watched[line] = false;
            _reader.ChangeWatchCount(-1);
        }
    }

    /// <summary>
    /// Delivers one kernel edge event read from <paramref name="request"/> (on the reader thread,
    /// or on the thread re-requesting lines, which delivers what the closing request still held).
    /// </summary>
    /// <param name="request">The request the event was read from.</param>
    /// <param name="native">The event.</param>
    internal void DeliverEdge(LineRequestHandle request, in GpioV2LineEvent native)
    {
        var line = native.Offset;
        if (line >= (uint)_lines.Length || !ReferenceEquals(Volatile.Read(ref _lines[line]), request))
        {
            return; // The line was released while its request stayed open a little longer.
        }

        // The kernel counts a line's events per request; a line re-requested because a sibling
        // was released continues its count, so a gap in LineSequence still means a lost event.
        var lineSequence = _lineSequenceBase[line] + native.LineSeqno;
        _lastLineSequence[line] = lineSequence;
        var kind = native.Id == GpioUapi.EventRisingEdge ? PinEventTypes.Rising : PinEventTypes.Falling;
        RaiseEdge(new GpioEdgeEvent((int)line, kind, (long)native.TimestampNs, Interlocked.Increment(ref _sequence), lineSequence));
    }

    /// <summary>Delivers one line-info change (reader thread).</summary>
    /// <param name="native">The change.</param>
    internal void DeliverInfoChange(in GpioV2LineInfoChanged native)
    {
        var kind = native.EventType is >= 1 and <= 3 ? (LineInfoChangeKind)native.EventType : LineInfoChangeKind.Unknown;
        LineInfoChanged?.Invoke(this, new LineInfoChangedEventArgs(LineConfigEncoder.ToLineInfo(native.Info), kind, (long)native.TimestampNs));
    }

    /// <inheritdoc />
    protected internal override unsafe LineInfo GetLineInfo(int line)
    {
        var info = new GpioV2LineInfo { Offset = (uint)line };
        Ioctl(_chipFd, GpioUapi.V2GetLineInfo, &info, line);
        return LineConfigEncoder.ToLineInfo(info);
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

    /// <summary>Whether a name is a chip's: gpiochip followed by a number (no regex: the host need not load the regex engine).</summary>
    private static bool IsChipName(string name) =>
        name.Length > "gpiochip".Length && name.StartsWith("gpiochip", StringComparison.Ordinal) && !name.AsSpan("gpiochip".Length).ContainsAnyExceptInRange('0', '9');

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
        Ioctl(fd, GpioUapi.GetChipInfo, &native, path);
        return new ChipInfo(
            NativeText.Read(native.Name, GpioUapi.MaxNameSize),
            NativeText.Read(native.Label, GpioUapi.MaxNameSize),
            (int)native.Lines,
            path);
    }

    /// <summary>Runs an ioctl on a chip descriptor for one line, retrying on EINTR; a failure names the ioctl, the chip and the line.</summary>
    private unsafe void Ioctl(int fd, nuint request, void* argument, int line)
    {
        var errno = TryIoctl(fd, request, argument);
        if (errno != 0)
        {
            throw UapiError(errno, request, $"{ChipInfo.Name} line {line}");
        }
    }

    /// <summary>Runs an ioctl on a chip descriptor opened at <paramref name="path"/>; a failure names the ioctl and the path.</summary>
    private static unsafe void Ioctl(int fd, nuint request, void* argument, string path)
    {
        var errno = TryIoctl(fd, request, argument);
        if (errno != 0)
        {
            throw UapiError(errno, request, path);
        }
    }

    /// <summary>Runs an ioctl, retrying on EINTR.</summary>
    /// <returns>0 on success, the errno otherwise.</returns>
    private static unsafe int TryIoctl(int fd, nuint request, void* argument)
    {
        while (Libc.Ioctl(fd, request, argument) < 0)
        {
            var errno = Errno.Last;
            if (errno != Libc.EINTR)
            {
                return errno;
            }
        }

        return 0;
    }

    /// <summary>The error for a failed uAPI ioctl: "GPIO_V2_LINE_SET_VALUES_IOCTL (0xc010b40f) on gpiochip0 lines 6,7 failed: No such device (errno 19)".</summary>
    private static GpioException UapiError(int errno, nuint request, string target) =>
        Errno.ToException(errno, $"{GpioUapi.Describe(request)} on {target}");

    /// <summary>Lists chips for messages: "gpiochip0 (pinctrl-bcm2711, 54 lines), ...".</summary>
    private static string Describe(IReadOnlyList<ChipInfo> chips) =>
        chips.Count == 0 ? "none" : string.Join(", ", chips.Select(c => $"{c.Name} ({c.Label}, {c.LineCount} lines)"));

    /// <summary>Names lines for messages: "line 6" or "lines 6,7".</summary>
    private static string Lines(int[] lines) => (lines.Length == 1 ? "line " : "lines ") + string.Join(",", lines);

    /// <summary>Refuses an offset the chip does not have.</summary>
    private void CheckRange(int line)
    {
        if ((uint)line >= (uint)_lines.Length)
        {
            throw new GpioInvalidArgumentException($"line {line} does not exist: {Path} has lines 0..{_lines.Length - 1}");
        }
    }
}
