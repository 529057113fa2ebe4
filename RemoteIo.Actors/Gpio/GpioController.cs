using System.Text;

namespace RemoteIo.Actors.Gpio;

/// <summary>
/// The public face of a GPIO chip: opens lines with their settings, reads, writes and describes
/// them, and routes input edges to listeners. A thin layer over a <see cref="GpioDriver"/> (as in
/// System.Device.Gpio): it checks every argument and the line's state first, so bad input gets a
/// clear <see cref="GpioException"/> and nothing else happens, then calls the driver.
/// </summary>
/// <remarks>
/// Thread-safe. Lines are numbered by their offset on the chip, which on a Raspberry Pi is the
/// BCM/GPIO number (see <c>Boards.PinNumber</c> for board positions). A controller tracks the lines
/// it opened; two controllers over one driver are two consumers, each refused the other's lines.
/// </remarks>
public sealed class GpioController : IDisposable
{
    /// <summary>The longest consumer label the kernel keeps (32 bytes including the terminating NUL).</summary>
    public const int MaxConsumerLength = 31;

    /// <summary>Serialises open, reconfigure and close; reads and writes only read <see cref="_open"/>.</summary>
    private readonly Lock _gate = new();

    /// <summary>Per line, the settings it was opened with; null when this controller has not opened it.</summary>
    private readonly LineSettings?[] _open;

    /// <summary>Whether <see cref="Dispose"/> also disposes the driver.</summary>
    private readonly bool _ownsDriver;

    /// <summary>Set once disposed.</summary>
    private bool _disposed;

    /// <summary>Creates a controller over <paramref name="driver"/>.</summary>
    /// <param name="driver">The chip's driver.</param>
    /// <param name="consumer">The label other programs see on the lines this controller holds (at most 31 ASCII characters).</param>
    /// <param name="ownsDriver">Whether disposing the controller disposes the driver.</param>
    /// <exception cref="GpioInvalidArgumentException">The consumer label is too long or not printable ASCII.</exception>
    public GpioController(GpioDriver driver, string consumer = "remoteio", bool ownsDriver = true)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ValidateConsumer(consumer);
        Driver = driver;
        Consumer = consumer;
        _ownsDriver = ownsDriver;
        _open = new LineSettings?[driver.LineCount];
    }

    /// <summary>The driver underneath.</summary>
    public GpioDriver Driver { get; }

    /// <summary>The consumer label of this controller's lines.</summary>
    public string Consumer { get; }

    /// <summary>The chip's name, label and line count.</summary>
    public ChipInfo ChipInfo => Driver.ChipInfo;

    /// <summary>How many lines the chip has (System.Device.Gpio's name for it).</summary>
    public int PinCount => _open.Length;

    /// <summary>Opens a line in one of the simple System.Device.Gpio modes.</summary>
    /// <param name="line">The line offset.</param>
    /// <param name="mode">The mode.</param>
    public void OpenPin(int line, PinMode mode) => OpenLine(line, LineSettings.For(mode));

    /// <summary>Opens a line in a simple mode; an output starts at <paramref name="initialValue"/> without a glitch.</summary>
    /// <param name="line">The line offset.</param>
    /// <param name="mode">The mode.</param>
    /// <param name="initialValue">The output's first value (ignored for inputs).</param>
    public void OpenPin(int line, PinMode mode, PinValue initialValue) =>
        OpenLine(line, LineSettings.For(mode).WithInitialValue(initialValue));

    /// <summary>Opens one line with full settings.</summary>
    /// <param name="line">The line offset.</param>
    /// <param name="settings">The settings.</param>
    /// <exception cref="GpioInvalidArgumentException">Out of range, already open here, or inconsistent settings.</exception>
    /// <exception cref="GpioLineBusyException">Another consumer holds the line.</exception>
    public void OpenLine(int line, LineSettings settings) => OpenLines([line], settings);

    /// <summary>
    /// Opens several lines as one request with the same settings, so that
    /// <see cref="Write(ReadOnlySpan{PinValuePair})"/> can change them in a single kernel call.
    /// Either all lines are opened or none.
    /// </summary>
    /// <param name="lines">Distinct line offsets (at most 64, the kernel's limit per request).</param>
    /// <param name="settings">The settings.</param>
    /// <exception cref="GpioInvalidArgumentException">A line is out of range, repeated or already open here; or the settings are inconsistent.</exception>
    /// <exception cref="GpioLineBusyException">Another consumer holds one of the lines.</exception>
    public void OpenLines(ReadOnlySpan<int> lines, LineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (lines.IsEmpty || lines.Length > 64)
        {
            throw new GpioInvalidArgumentException($"a request takes 1..64 lines, not {lines.Length}");
        }

        lock (_gate)
        {
            ThrowIfDisposed();
            for (var i = 0; i < lines.Length; i++)
            {
                CheckRange(lines[i]);
                if (_open[lines[i]] is not null)
                {
                    throw new GpioInvalidArgumentException($"line {lines[i]} is already open (by this controller, consumer {Consumer})");
                }

                if (lines[..i].Contains(lines[i]))
                {
                    throw new GpioInvalidArgumentException($"line {lines[i]} appears twice in one request");
                }
            }

            Driver.RequestLines(lines, settings, Consumer);
            foreach (var line in lines)
            {
                Volatile.Write(ref _open[line], settings);
            }
        }
    }

    /// <summary>
    /// Changes an open line's settings without releasing it (direction, bias, drive, edges,
    /// debounce, active-low). An output keeps its current value unless the new settings come from
    /// an input, in which case it starts at <see cref="LineSettings.InitialValue"/>.
    /// </summary>
    /// <param name="line">An open line.</param>
    /// <param name="settings">The new settings.</param>
    public void Reconfigure(int line, LineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        lock (_gate)
        {
            ThrowIfDisposed();
            CheckOpen(line);
            Driver.ReconfigureLine(line, settings);
            Volatile.Write(ref _open[line], settings);
        }
    }

    /// <summary>Switches an open line to one of the simple modes (System.Device.Gpio's <c>SetPinMode</c>).</summary>
    /// <param name="line">An open line.</param>
    /// <param name="mode">The mode.</param>
    public void SetPinMode(int line, PinMode mode) => Reconfigure(line, LineSettings.For(mode));

    /// <summary>The settings an open line currently has.</summary>
    /// <param name="line">An open line.</param>
    /// <returns>The settings.</returns>
    public LineSettings GetLineSettings(int line) => CheckOpen(line);

    /// <summary>Whether this controller has <paramref name="line"/> open.</summary>
    /// <param name="line">A line offset (any value; out of range is simply not open).</param>
    /// <returns>True when open here.</returns>
    public bool IsPinOpen(int line) => (uint)line < (uint)_open.Length && Volatile.Read(ref _open[line]) is not null;

    /// <summary>
    /// Releases an open line and drops its edge listeners (an output keeps its last level in
    /// hardware, as with the kernel). A line opened together with others (<see cref="OpenLines"/>)
    /// is freed on its own: the others stay open, keep their settings and output values, and their
    /// edge events go on in sequence.
    /// </summary>
    /// <param name="line">An open line.</param>
    public void ClosePin(int line)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            CheckOpen(line);
            Volatile.Write(ref _open[line], null);
            Driver.ClearEdgeListeners(line);
            Driver.ReleaseLine(line);
        }
    }

    /// <summary>Reads an open line's logical value (an output reads back what it drives).</summary>
    /// <param name="line">An open line.</param>
    /// <returns>The value.</returns>
    public PinValue Read(int line)
    {
        CheckOpen(line);
        return Driver.ReadLine(line);
    }

    /// <summary>Sets an open output's logical value.</summary>
    /// <param name="line">A line open as an output.</param>
    /// <param name="value">The value.</param>
    public void Write(int line, PinValue value)
    {
        CheckOutput(line);
        Driver.WriteLine(line, value);
    }

    /// <summary>
    /// Sets several open outputs at once: lines opened together (<see cref="OpenLines"/>) change
    /// in one kernel call; the simulation changes them all at the same timestamp.
    /// </summary>
    /// <param name="values">Lines open as outputs, each at most once.</param>
    public void Write(ReadOnlySpan<PinValuePair> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            CheckOutput(values[i].Line);
            for (var j = 0; j < i; j++)
            {
                if (values[j].Line == values[i].Line)
                {
                    throw new GpioInvalidArgumentException($"line {values[i].Line} appears twice in one write");
                }
            }
        }

        Driver.WriteLines(values);
    }

    /// <summary>Describes any line of the chip, open or not: name, holder, configuration.</summary>
    /// <param name="line">A line offset.</param>
    /// <returns>The line info.</returns>
    public LineInfo GetLineInfo(int line)
    {
        CheckRange(line);
        return Driver.GetLineInfo(line);
    }

    /// <summary>Registers a listener for an open line's edges (the line needs edge detection to produce any).</summary>
    /// <param name="line">An open line.</param>
    /// <param name="listener">The listener; called on the driver's thread.</param>
    public void AddEdgeListener(int line, IGpioEdgeListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        CheckOpen(line);
        Driver.AddEdgeListener(line, listener);
    }

    /// <summary>Removes a listener added with <see cref="AddEdgeListener"/>; unknown listeners are ignored.</summary>
    /// <param name="line">A line offset.</param>
    /// <param name="listener">The listener.</param>
    public void RemoveEdgeListener(int line, IGpioEdgeListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        CheckRange(line);
        Driver.RemoveEdgeListener(line, listener);
    }

    /// <summary>Releases every line this controller opened, then the driver if the controller owns it.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            var open = new List<int>();
            for (var line = 0; line < _open.Length; line++)
            {
                if (_open[line] is not null)
                {
                    _open[line] = null;
                    Driver.ClearEdgeListeners(line);
                    open.Add(line);
                }
            }

            // All at once: lines opened together then close their kernel request once.
            if (open.Count > 0)
            {
                Driver.ReleaseLines(open.ToArray());
            }
        }

        if (_ownsDriver)
        {
            Driver.Dispose();
        }
    }

    /// <summary>Checks that <paramref name="line"/> is open here and an output; internal callers (the edge scheduler) use it once per waveform.</summary>
    /// <param name="line">The line.</param>
    internal void CheckOutput(int line)
    {
        if (CheckOpen(line).Direction != LineDirection.Output)
        {
            throw new GpioInvalidArgumentException($"line {line} is open as an input; open it as an output to drive it");
        }
    }

    /// <summary>Refuses a consumer label the kernel would truncate or mangle.</summary>
    private static void ValidateConsumer(string consumer)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        if (consumer.Length > MaxConsumerLength || !Ascii.IsValid(consumer) || consumer.Any(char.IsControl))
        {
            throw new GpioInvalidArgumentException($"consumer label \"{consumer}\" must be at most {MaxConsumerLength} printable ASCII characters");
        }
    }

    /// <summary>Refuses an offset the chip does not have.</summary>
    private void CheckRange(int line)
    {
        if ((uint)line >= (uint)_open.Length)
        {
            throw new GpioInvalidArgumentException($"line {line} does not exist: {ChipInfo.Name} has lines 0..{_open.Length - 1}");
        }
    }

    /// <summary>Returns the settings of a line open here, or refuses it.</summary>
    private LineSettings CheckOpen(int line)
    {
        CheckRange(line);
        return Volatile.Read(ref _open[line])
            ?? throw new GpioInvalidArgumentException($"line {line} is not open; open it first (consumer {Consumer})");
    }

    /// <summary>Refuses use after <see cref="Dispose"/>.</summary>
    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
