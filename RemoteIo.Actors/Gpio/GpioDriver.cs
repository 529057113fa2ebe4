namespace RemoteIo.Actors.Gpio;

/// <summary>
/// A GPIO chip as a driver sees it: request lines with their settings, read, write (one line or
/// several at once), describe lines, release, and report input edges. Shaped after
/// System.Device.Gpio's <c>GpioDriver</c>: the operations are protected hooks and the public face
/// is <see cref="GpioController"/>, which validates every call before a hook runs, so an
/// implementation only deals with what the hardware itself may refuse (a busy line, a permission).
/// </summary>
/// <remarks>
/// Implementations: the simulated chip (<c>Simulation.SimulatedGpioDriver</c>) and the Linux
/// character device (<c>Linux.ChardevGpioDriver</c>); <see cref="GpioDriverFactory"/> picks one.
/// Edge events are delivered through <see cref="RaiseEdge"/> to the listeners registered per line,
/// without allocating.
/// </remarks>
public abstract class GpioDriver : IDisposable
{
    /// <summary>No listeners: the value a line's listener slot holds when nobody listens.</summary>
    private static readonly IGpioEdgeListener[] NoListeners = [];

    /// <summary>Serialises listener registration (delivery reads the arrays without locking).</summary>
    private readonly Lock _listenerGate = new();

    /// <summary>Per line, the listeners; replaced as a whole on change (copy on write) so delivery needs no lock.</summary>
    private IGpioEdgeListener[][]? _listeners;

    /// <summary>1 once disposed.</summary>
    private int _disposed;

    /// <summary>One line for logs: which driver and chip, e.g. "chardev /dev/gpiochip0 (pinctrl-bcm2711, 54 lines)".</summary>
    public abstract string Description { get; }

    /// <summary>The chip's name, label and line count.</summary>
    public abstract ChipInfo ChipInfo { get; }

    /// <summary>How many lines the chip has; valid offsets are 0 .. LineCount-1.</summary>
    public int LineCount => ChipInfo.LineCount;

    /// <summary>True once <see cref="Dispose()"/> ran.</summary>
    protected bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Requests <paramref name="lines"/> together (one kernel request on the character device, so
    /// they can later be written with one call) with the same settings.
    /// </summary>
    /// <param name="lines">Distinct, valid offsets.</param>
    /// <param name="settings">Validated settings.</param>
    /// <param name="consumer">The label other consumers see in line info.</param>
    /// <exception cref="GpioLineBusyException">A line is held by another consumer; nothing was requested.</exception>
    protected internal abstract void RequestLines(ReadOnlySpan<int> lines, LineSettings settings, string consumer);

    /// <summary>Changes the settings of a requested line in place (the line stays held: no other consumer can slip in).</summary>
    /// <param name="line">A line this driver holds.</param>
    /// <param name="settings">Validated settings.</param>
    protected internal abstract void ReconfigureLine(int line, LineSettings settings);

    /// <summary>Releases a requested line.</summary>
    /// <param name="line">A line this driver holds.</param>
    protected internal abstract void ReleaseLine(int line);

    /// <summary>
    /// Releases several requested lines at once. The default releases them one by one; the
    /// character device overrides it so that lines requested together and released together close
    /// their request once, instead of re-requesting the remaining lines after each one.
    /// </summary>
    /// <param name="lines">Lines this driver holds, each at most once.</param>
    protected internal virtual void ReleaseLines(ReadOnlySpan<int> lines)
    {
        foreach (var line in lines)
        {
            ReleaseLine(line);
        }
    }

    /// <summary>Reads a requested line's logical value (debounced, for debounced inputs).</summary>
    /// <param name="line">A line this driver holds.</param>
    /// <returns>The value.</returns>
    protected internal abstract PinValue ReadLine(int line);

    /// <summary>Sets a requested output's logical value.</summary>
    /// <param name="line">An output this driver holds.</param>
    /// <param name="value">The value.</param>
    protected internal abstract void WriteLine(int line, PinValue value);

    /// <summary>
    /// Sets several outputs at the same instant where the hardware allows (one ioctl per kernel
    /// request on the character device). The default writes them one by one.
    /// </summary>
    /// <param name="values">Outputs this driver holds, each at most once.</param>
    protected internal virtual void WriteLines(ReadOnlySpan<PinValuePair> values)
    {
        foreach (var pair in values)
        {
            WriteLine(pair.Line, pair.Value);
        }
    }

    /// <summary>Describes any line of the chip, held or not.</summary>
    /// <param name="line">A valid offset.</param>
    /// <returns>The line's name, holder and configuration.</returns>
    protected internal abstract LineInfo GetLineInfo(int line);

    /// <summary>Delivers an edge to the listeners registered for its line; allocation-free.</summary>
    /// <param name="edge">The event.</param>
    protected void RaiseEdge(in GpioEdgeEvent edge)
    {
        var table = Volatile.Read(ref _listeners);
        if (table is null || (uint)edge.Line >= (uint)table.Length)
        {
            return;
        }

        foreach (var listener in Volatile.Read(ref table[edge.Line]))
        {
            listener.OnEdge(edge);
        }
    }

    /// <summary>Frees the driver's resources; every line it holds is released.</summary>
    /// <param name="disposing">False when called from a finalizer (managed objects must not be touched).</param>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Registers a listener for a line's edges (a listener registered twice is called twice).</summary>
    /// <param name="line">A valid offset.</param>
    /// <param name="listener">The listener.</param>
    internal void AddEdgeListener(int line, IGpioEdgeListener listener)
    {
        lock (_listenerGate)
        {
            var table = _listeners ??= CreateTable(LineCount);
            Volatile.Write(ref table[line], [.. table[line], listener]);
        }
    }

    /// <summary>Removes one registration of a listener; unknown listeners are ignored.</summary>
    /// <param name="line">A valid offset.</param>
    /// <param name="listener">The listener.</param>
    internal void RemoveEdgeListener(int line, IGpioEdgeListener listener)
    {
        lock (_listenerGate)
        {
            if (_listeners is not { } table)
            {
                return;
            }

            var current = table[line];
            var index = Array.IndexOf(current, listener);
            if (index < 0)
            {
                return;
            }

            var next = new IGpioEdgeListener[current.Length - 1];
            Array.Copy(current, 0, next, 0, index);
            Array.Copy(current, index + 1, next, index, current.Length - index - 1);
            Volatile.Write(ref table[line], next);
        }
    }

    /// <summary>Removes every listener of a line (it was closed).</summary>
    /// <param name="line">A valid offset.</param>
    internal void ClearEdgeListeners(int line)
    {
        lock (_listenerGate)
        {
            if (_listeners is { } table)
            {
                Volatile.Write(ref table[line], NoListeners);
            }
        }
    }

    /// <summary>Creates the per-line listener table with every slot empty.</summary>
    private static IGpioEdgeListener[][] CreateTable(int lineCount)
    {
        var table = new IGpioEdgeListener[lineCount][];
        Array.Fill(table, NoListeners);
        return table;
    }
}
