using System.Globalization;
using RemoteIo.Actors.Gpio.Timing;

namespace RemoteIo.Actors.Gpio.Simulation;

/// <summary>
/// A simulated GPIO chip: by default the 54-line layout of the Raspberry Pi's BCM2835 family
/// (lines GPIO0..GPIO53, 0..27 on the 40-pin header), with the electrical behaviour a test or a
/// demo needs — outputs drive their pins (push-pull, open-drain, open-source, active-low), inputs
/// see what drives them from outside (<see cref="DriveExternal"/>, a <see cref="SimulatedButton"/>),
/// a wire from another line (<see cref="Connect"/>) or their pull (bias, or the BCM2835's reset
/// pulls), with edge detection, kernel-style debounce and line exclusivity.
/// </summary>
/// <remarks>
/// <para>
/// Every level change is recorded in a preallocated transition log stamped on <see cref="Clock"/>
/// in nanoseconds (CLOCK_MONOTONIC on <see cref="TimeProvider.System"/>), readable with
/// <see cref="Transitions()"/> and exportable as <c>timestamp_ns,line,level</c> rows. Recording
/// allocates nothing, so the chip can stand under a benchmark.
/// </para>
/// <para>
/// A chip is the "hardware"; each <see cref="SimulatedGpioDriver"/> opened on it is one program's
/// handle (like an open <c>/dev/gpiochipN</c>), so two drivers on one chip contend for lines as two
/// processes would. Edge events are delivered on the thread that caused the change, after the
/// chip's lock is released.
/// </para>
/// </remarks>
public sealed class SimulatedGpioChip
{
    /// <summary>Lines on the BCM2835/BCM2711 GPIO block (and the RP1's bank 0 as the Pi 5 exposes it).</summary>
    public const int Bcm2835LineCount = 54;

    /// <summary>The most lines a simulated chip may have (the kernel's limit per request, and what fits a stack buffer of events).</summary>
    public const int MaxLineCount = 64;

    /// <summary>Default transition log capacity: 262,144 entries (4 MiB), minutes of a busy header.</summary>
    public const int DefaultTransitionLogCapacity = 1 << 18;

    /// <summary>Rows an export copies under the lock at a time: 32 KB, below the large-object heap's 85,000 bytes.</summary>
    private const int ExportChunkRows = 2048;

    /// <summary>Guards all line state and the log.</summary>
    private readonly Lock _gate = new();

    /// <summary>The lines, by offset.</summary>
    private readonly SimulatedLine[] _lines;

    /// <summary>Every level change, in order.</summary>
    private readonly TransitionLog _log;

    /// <summary>Creates a chip.</summary>
    /// <param name="clock">The clock for stamps and debounce timers; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="transitionLogCapacity">How many transitions the log keeps (older ones are dropped).</param>
    /// <param name="lineCount">1..64 lines; 54 like the BCM2835.</param>
    /// <param name="label">The chip label line info and logs show.</param>
    public SimulatedGpioChip(
        TimeProvider? clock = null,
        int transitionLogCapacity = DefaultTransitionLogCapacity,
        int lineCount = Bcm2835LineCount,
        string label = "pinctrl-bcm2835-sim")
    {
        if (lineCount is < 1 or > MaxLineCount)
        {
            throw new GpioInvalidArgumentException($"a simulated chip has 1..{MaxLineCount} lines, not {lineCount}");
        }

        if (transitionLogCapacity < 1)
        {
            throw new GpioInvalidArgumentException($"the transition log needs room for at least one entry, not {transitionLogCapacity}");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        Clock = clock ?? TimeProvider.System;
        _log = new TransitionLog(transitionLogCapacity);
        _lines = new SimulatedLine[lineCount];
        for (var i = 0; i < lineCount; i++)
        {
            _lines[i] = new SimulatedLine(i, "GPIO" + i.ToString(CultureInfo.InvariantCulture), ResetPull(i));
        }

        Info = new ChipInfo("gpiochip0", label, lineCount, "(simulated)");
    }

    /// <summary>The clock stamping transitions and events and running debounce timers.</summary>
    public TimeProvider Clock { get; }

    /// <summary>The chip's name, label and line count.</summary>
    public ChipInfo Info { get; }

    /// <summary>How many lines the chip has.</summary>
    public int LineCount => _lines.Length;

    /// <summary>Transitions recorded since creation or the last <see cref="ClearTransitions"/>, including dropped ones.</summary>
    public long TransitionCount
    {
        get
        {
            lock (_gate)
            {
                return _log.Recorded;
            }
        }
    }

    /// <summary>Transitions the log had to overwrite because it was full (raise its capacity if this is not 0).</summary>
    public long DroppedTransitionCount
    {
        get
        {
            lock (_gate)
            {
                return _log.Dropped;
            }
        }
    }

    /// <summary>The name of a line, e.g. <c>GPIO17</c>.</summary>
    /// <param name="line">The line offset.</param>
    /// <returns>The name.</returns>
    public string GetLineName(int line) => Line(line).Name;

    /// <summary>The current electrical level of a line (what a meter on the pin shows).</summary>
    /// <param name="line">The line offset.</param>
    /// <returns>The physical level.</returns>
    public PinValue GetLevel(int line)
    {
        var l = Line(line);
        lock (_gate)
        {
            return l.Physical;
        }
    }

    /// <summary>
    /// Drives a level onto the pin from outside (a signal source, a closed button to ground): it
    /// beats the line's pull and a wire, but not the line's own output driver.
    /// </summary>
    /// <param name="line">The line offset.</param>
    /// <param name="level">The level driven.</param>
    public void DriveExternal(int line, PinValue level) => SetExternal(Line(line), level.IsHigh);

    /// <summary>Stops driving the pin from outside: it follows its wire or its pull again (an open button).</summary>
    /// <param name="line">The line offset.</param>
    public void ReleaseExternal(int line) => SetExternal(Line(line), null);

    /// <summary>
    /// Wires <paramref name="source"/> to <paramref name="target"/> (a loopback jumper): while the
    /// target drives nothing itself and nothing outside drives it, it takes the source's level,
    /// and an input raises edge events as the source changes.
    /// </summary>
    /// <param name="source">The line whose level is followed (typically an output).</param>
    /// <param name="target">The line that follows (typically an input).</param>
    /// <exception cref="GpioInvalidArgumentException">Same line, out of range, or the target already has a wire.</exception>
    public void Connect(int source, int target)
    {
        var s = Line(source);
        var t = Line(target);
        if (source == target)
        {
            throw new GpioInvalidArgumentException($"line {source} cannot be wired to itself");
        }

        Span<GpioEdgeEvent> events = stackalloc GpioEdgeEvent[MaxLineCount];
        var count = 0;
        lock (_gate)
        {
            if (t.Source >= 0)
            {
                throw new GpioInvalidArgumentException($"line {target} is already wired to line {t.Source}; disconnect it first");
            }

            t.Source = source;
            s.Followers = [.. s.Followers, target];
            Update(t, Now(), events, ref count, 0);
        }

        Deliver(events[..count]);
    }

    /// <summary>Removes the wire into <paramref name="target"/>; it then follows its pull. No-op when unwired.</summary>
    /// <param name="target">The line that followed.</param>
    public void Disconnect(int target)
    {
        var t = Line(target);
        Span<GpioEdgeEvent> events = stackalloc GpioEdgeEvent[MaxLineCount];
        var count = 0;
        lock (_gate)
        {
            if (t.Source < 0)
            {
                return;
            }

            var s = _lines[t.Source];
            s.Followers = [.. s.Followers.Where(f => f != target)];
            t.Source = -1;
            Update(t, Now(), events, ref count, 0);
        }

        Deliver(events[..count]);
    }

    /// <summary>Every retained transition, oldest first.</summary>
    /// <returns>A snapshot.</returns>
    public IReadOnlyList<GpioTransition> Transitions()
    {
        lock (_gate)
        {
            return _log.Snapshot(-1);
        }
    }

    /// <summary>The retained transitions of one line, oldest first.</summary>
    /// <param name="line">The line offset.</param>
    /// <returns>A snapshot.</returns>
    public IReadOnlyList<GpioTransition> Transitions(int line)
    {
        _ = Line(line);
        lock (_gate)
        {
            return _log.Snapshot(line);
        }
    }

    /// <summary>Forgets the recorded transitions (counters restart from 0).</summary>
    public void ClearTransitions()
    {
        lock (_gate)
        {
            _log.Clear();
        }
    }

    /// <summary>Writes the retained transitions as <c>timestamp_ns,line,level</c> rows (with that header line).</summary>
    /// <param name="writer">The destination.</param>
    /// <returns>How many rows were written.</returns>
    /// <remarks>
    /// The rows are those retained when the call starts. They are copied a chunk at a time under
    /// the chip's lock and formatted outside it, so GPIO writes wait at most for one chunk's copy,
    /// and the export needs one small buffer rather than a copy of the whole ring (4 MiB at the
    /// default capacity, which showed in the host's peak RSS each time a client asked for a dump).
    /// Rows that traffic overwrites before their chunk is copied are skipped, and counted in
    /// <see cref="DroppedTransitionCount"/>.
    /// </remarks>
    public int WriteTransitions(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        long next, end;
        lock (_gate)
        {
            (next, end) = _log.RetainedRange();
        }

        writer.Write(TransitionLog.CsvHeader);
        var chunk = new GpioTransition[ExportChunkRows];
        var written = 0;
        while (true)
        {
            int copied;
            lock (_gate)
            {
                copied = _log.CopyChunk(ref next, end, chunk);
            }

            if (copied == 0)
            {
                return written;
            }

            TransitionLog.WriteCsvRows(chunk.AsSpan(0, copied), writer);
            written += copied;
        }
    }

    /// <summary>Exports the retained transitions to a file of <c>timestamp_ns,line,level</c> rows (replacing it).</summary>
    /// <param name="path">The file to write.</param>
    /// <returns>How many rows were written.</returns>
    public int ExportTransitions(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var writer = new StreamWriter(path, append: false);
        return WriteTransitions(writer);
    }

    /// <summary>Requests lines for a driver: all or none (a held line fails as busy, naming its holder).</summary>
    internal void Request(SimulatedGpioDriver owner, ReadOnlySpan<int> lines, LineSettings settings, string consumer)
    {
        Span<GpioEdgeEvent> events = stackalloc GpioEdgeEvent[MaxLineCount];
        var count = 0;
        lock (_gate)
        {
            foreach (var line in lines)
            {
                var l = Line(line);
                if (l.Owner is not null)
                {
                    throw new GpioLineBusyException(line, l.Consumer);
                }
            }

            var now = Now();
            foreach (var line in lines)
            {
                var l = _lines[line];
                l.Owner = owner;
                l.Consumer = consumer;
                l.LineSequence = 0;
                Apply(l, settings, keepOutputValue: false, now, events, ref count);
            }
        }

        Deliver(events[..count]);
    }

    /// <summary>Changes a held line's settings in place; an output stays at its value unless it was an input.</summary>
    internal void Reconfigure(SimulatedGpioDriver owner, int line, LineSettings settings)
    {
        Span<GpioEdgeEvent> events = stackalloc GpioEdgeEvent[MaxLineCount];
        var count = 0;
        lock (_gate)
        {
            var l = Held(owner, line);
            Apply(l, settings, keepOutputValue: l.Hardware.Direction == LineDirection.Output, Now(), events, ref count);
        }

        Deliver(events[..count]);
    }

    /// <summary>Releases a held line (no-op when the driver no longer holds it); its hardware configuration (direction, level, pull) stays.</summary>
    internal void Release(SimulatedGpioDriver owner, int line)
    {
        lock (_gate)
        {
            var l = Line(line);
            if (!ReferenceEquals(l.Owner, owner))
            {
                return; // Already released (the driver was closed under its controller): like closing a closed request.
            }

            l.Owner = null;
            l.Consumer = string.Empty;
            l.Generation++;
            l.DebounceTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

            // The kernel drops the active-low flag on release; keep the pin's electrical level.
            if (l.Hardware.ActiveLow)
            {
                l.OutputValue = !l.OutputValue;
            }

            l.Hardware = l.Hardware with { EdgeDetection = PinEventTypes.None, Debounce = TimeSpan.Zero, ActiveLow = false };
        }
    }

    /// <summary>Releases every line <paramref name="owner"/> holds (its handle was closed).</summary>
    internal void ReleaseAll(SimulatedGpioDriver owner)
    {
        foreach (var l in _lines)
        {
            if (ReferenceEquals(Volatile.Read(ref l.Owner), owner))
            {
                Release(owner, l.Offset);
            }
        }
    }

    /// <summary>The logical value a holder reads: the debounced level for debounced inputs, the pin's level otherwise.</summary>
    internal PinValue Read(SimulatedGpioDriver owner, int line)
    {
        lock (_gate)
        {
            var l = Held(owner, line);
            return l.Hardware.Debounce > TimeSpan.Zero ? l.Reported : l.Physical ^ l.Hardware.ActiveLow;
        }
    }

    /// <summary>Sets a held output's value.</summary>
    internal void Write(SimulatedGpioDriver owner, int line, PinValue value)
    {
        Span<GpioEdgeEvent> events = stackalloc GpioEdgeEvent[MaxLineCount];
        var count = 0;
        lock (_gate)
        {
            var l = Held(owner, line);
            l.OutputValue = value;
            Update(l, Now(), events, ref count, 0);
        }

        Deliver(events[..count]);
    }

    /// <summary>Sets several held outputs at one instant (one timestamp for all).</summary>
    internal void Write(SimulatedGpioDriver owner, ReadOnlySpan<PinValuePair> values)
    {
        Span<GpioEdgeEvent> events = stackalloc GpioEdgeEvent[MaxLineCount];
        var count = 0;
        lock (_gate)
        {
            foreach (var pair in values)
            {
                _ = Held(owner, pair.Line);
            }

            var now = Now();
            foreach (var pair in values)
            {
                var l = _lines[pair.Line];
                l.OutputValue = pair.Value;
                Update(l, now, events, ref count, 0);
            }
        }

        Deliver(events[..count]);
    }

    /// <summary>Describes a line like the kernel's line info: a free line shows its hardware direction only.</summary>
    internal LineInfo GetLineInfo(int line)
    {
        lock (_gate)
        {
            var l = _lines[line];
            var held = l.Owner is not null;
            var hw = l.Hardware;
            return new LineInfo(
                line,
                l.Name,
                l.Consumer,
                held,
                hw.Direction,
                held && hw.ActiveLow,
                held ? hw.Bias : LineBias.AsIs,
                held ? hw.Drive : LineDrive.PushPull,
                held ? hw.EdgeDetection : PinEventTypes.None,
                held ? hw.Debounce : TimeSpan.Zero);
        }
    }

    /// <summary>
    /// The BCM2835's pull state after reset (ARM Peripherals datasheet, GPIO alternate function
    /// table): GPIO0-8 up, 9-27 down, 28-29 none, 30-33 down, 34-36 up, 37-43 down, 44-45 none,
    /// 46-53 up. Undriven inputs on a fresh chip read like on a freshly booted Pi.
    /// </summary>
    private static bool? ResetPull(int line) => line switch
    {
        <= 8 => true,
        <= 27 => false,
        <= 29 => null,
        <= 33 => false,
        <= 36 => true,
        <= 43 => false,
        <= 45 => null,
        _ => true,
    };

    /// <summary>Delivers collected events to the drivers holding their lines (outside the lock).</summary>
    private void Deliver(ReadOnlySpan<GpioEdgeEvent> events)
    {
        foreach (var edge in events)
        {
            Volatile.Read(ref _lines[edge.Line].Owner)?.Deliver(edge);
        }
    }

    /// <summary>Applies settings to a held line without reporting the change it causes itself as an edge.</summary>
    private void Apply(SimulatedLine l, LineSettings settings, bool keepOutputValue, long now, Span<GpioEdgeEvent> events, ref int count)
    {
        if (settings.Direction == LineDirection.Output && !keepOutputValue)
        {
            l.OutputValue = settings.InitialValue;
        }

        l.Hardware = settings;
        l.Pull = settings.Bias switch
        {
            LineBias.PullUp => true,
            LineBias.PullDown => false,
            LineBias.Disabled => null,
            _ => l.Pull,
        };
        l.Generation++;
        l.DebounceTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        l.Reported = Resolve(l) ^ settings.ActiveLow;
        Update(l, now, events, ref count, 0);
    }

    /// <summary>Sets or clears the external drive and propagates.</summary>
    private void SetExternal(SimulatedLine l, bool? level)
    {
        Span<GpioEdgeEvent> events = stackalloc GpioEdgeEvent[MaxLineCount];
        var count = 0;
        lock (_gate)
        {
            l.External = level;
            Update(l, Now(), events, ref count, 0);
        }

        Deliver(events[..count]);
    }

    /// <summary>The level a line settles at: its own driver, else outside drive, else its wire, else its pull, else it holds.</summary>
    private bool Resolve(SimulatedLine l) =>
        l.Driven() ?? l.External ?? (l.Source >= 0 ? (bool?)_lines[l.Source].Physical : null) ?? l.Pull ?? l.Physical;

    /// <summary>Recomputes a line's level; on a change logs it, reports it to the holder and propagates along wires.</summary>
    private void Update(SimulatedLine l, long now, Span<GpioEdgeEvent> events, ref int count, int depth)
    {
        var level = Resolve(l);
        if (level == l.Physical)
        {
            return;
        }

        l.Physical = level;
        _log.Add(new GpioTransition(now, l.Offset, level));
        if (l.WatchesInput)
        {
            OnInputChanged(l, now, events, ref count);
        }

        if (depth < MaxLineCount)
        {
            foreach (var follower in l.Followers)
            {
                Update(_lines[follower], now, events, ref count, depth + 1);
            }
        }
    }

    /// <summary>An input's pin changed: report it now, or (debounced) once it has been stable for the debounce period.</summary>
    private void OnInputChanged(SimulatedLine l, long now, Span<GpioEdgeEvent> events, ref int count)
    {
        if (l.Hardware.Debounce > TimeSpan.Zero)
        {
            // Like gpiolib-cdev's software debounce: every change restarts the period; the level is
            // judged, and the event stamped, when the period ends.
            l.DebounceTimer ??= Clock.CreateTimer(OnDebounceElapsed, l, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            l.DebounceGeneration = l.Generation;
            l.DebounceTimer.Change(l.Hardware.Debounce, Timeout.InfiniteTimeSpan);
            return;
        }

        Report(l, now, events, ref count);
    }

    /// <summary>A debounce period ended without a further change: report the settled level.</summary>
    private void OnDebounceElapsed(object? state)
    {
        var l = (SimulatedLine)state!;
        Span<GpioEdgeEvent> events = stackalloc GpioEdgeEvent[1];
        var count = 0;
        lock (_gate)
        {
            if (l.Owner is null || l.DebounceGeneration != l.Generation)
            {
                return;
            }

            Report(l, Now(), events, ref count);
        }

        Deliver(events[..count]);
    }

    /// <summary>Emits an edge event if the logical level differs from the last reported one and the edge is wanted.</summary>
    private static void Report(SimulatedLine l, long now, Span<GpioEdgeEvent> events, ref int count)
    {
        var logical = l.Physical ^ l.Hardware.ActiveLow;
        if (logical == l.Reported)
        {
            return;
        }

        l.Reported = logical;
        var kind = logical ? PinEventTypes.Rising : PinEventTypes.Falling;
        if ((l.Hardware.EdgeDetection & kind) == 0 || count >= events.Length)
        {
            return;
        }

        events[count++] = new GpioEdgeEvent(l.Offset, kind, now, l.Owner!.NextSequence(), ++l.LineSequence);
    }

    /// <summary>The clock now, in nanoseconds.</summary>
    private long Now() => ClockTime.NowNanoseconds(Clock);

    /// <summary>A line <paramref name="owner"/> holds, or a clear error (the kernel refuses operations on a released request).</summary>
    private SimulatedLine Held(SimulatedGpioDriver owner, int line)
    {
        var l = Line(line);
        return ReferenceEquals(l.Owner, owner)
            ? l
            : throw new GpioInvalidArgumentException($"line {line} is not held by this driver{(l.Owner is null ? string.Empty : $" (it is in use by {l.Consumer})")}");
    }

    /// <summary>The line at an offset, or a clear error.</summary>
    private SimulatedLine Line(int line) =>
        (uint)line < (uint)_lines.Length
            ? _lines[line]
            : throw new GpioInvalidArgumentException($"line {line} does not exist: the simulated chip has lines 0..{_lines.Length - 1}");
}
