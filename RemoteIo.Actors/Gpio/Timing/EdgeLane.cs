namespace RemoteIo.Actors.Gpio.Timing;

/// <summary>
/// The lines one timing thread (or the virtual clock's timer) runs: their waveforms, a due queue,
/// the batch of writes due at one instant, and the outbox of ended waveforms still to be reported.
/// All storage is allocated up front; processing an edge allocates nothing. Callers hold
/// <see cref="Gate"/> around every method.
/// </summary>
/// <remarks>
/// Ended waveforms are reported outside the lock, but in the order the lane produced them: every
/// end goes into the lane's <see cref="WaveformEndOutbox"/>, and one thread at a time delivers, so
/// the timing thread and a pin thread can never tell one line's ends in reverse.
/// </remarks>
internal sealed class EdgeLane
{
    /// <summary>
    /// How late (ns) the lane may take over a queued waveform and still keep its planned start — the
    /// exact chaining of wait-mode commands. Within it lies the normal wake-up jitter of a timing
    /// thread (µs to a few hundred µs); beyond it the thread or the caller was stalled.
    /// </summary>
    public const long HandOverToleranceNanoseconds = 1_000_000;

    /// <summary>Guards the lane; reentrant, so a driver listener on the same thread may call back.</summary>
    public readonly Lock Gate = new();

    /// <summary>How late each written edge was.</summary>
    public readonly LatencyHistogram Histogram = new();

    /// <summary>The driver the writes go to (its hooks, without the controller's per-call checks).</summary>
    private readonly GpioDriver _driver;

    /// <summary>The clock, for measuring lateness.</summary>
    private readonly TimeProvider _clock;

    /// <summary>Per line state (only the lines of this lane are used).</summary>
    private readonly LineSlot[] _slots;

    /// <summary>Lines ordered by next due time.</summary>
    private readonly DueQueue _queue;

    /// <summary>The writes due at the current instant.</summary>
    private readonly PinValuePair[] _batch;

    /// <summary>The due time of each batched write.</summary>
    private readonly long[] _batchDue;

    /// <summary>Creates a lane for a chip of <paramref name="lineCount"/> lines.</summary>
    /// <param name="driver">The driver.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="lineCount">Lines on the chip.</param>
    /// <param name="listener">Told when waveforms end; may be null.</param>
    /// <param name="log">Where a failing listener is logged; may be null.</param>
    public EdgeLane(GpioDriver driver, TimeProvider clock, int lineCount, IWaveformListener? listener, Action<string>? log)
    {
        _driver = driver;
        _clock = clock;
        _slots = new LineSlot[lineCount];
        for (var i = 0; i < lineCount; i++)
        {
            _slots[i].NextDue = long.MaxValue;
        }

        _queue = new DueQueue(lineCount);
        _batch = new PinValuePair[lineCount];
        _batchDue = new long[lineCount];
        Outbox = new WaveformEndOutbox(listener, MaxCompletionsPerPass, log);
    }

    /// <summary>The most completions one <see cref="ProcessDue"/> pass can produce (the outbox's initial size).</summary>
    public int MaxCompletionsPerPass => (4 * _slots.Length) + 8;

    /// <summary>The lane's ended waveforms on their way to the listener, in order; guarded by <see cref="Gate"/>.</summary>
    public WaveformEndOutbox Outbox { get; }

    /// <summary>The earliest due time in the lane, <see cref="long.MaxValue"/> when idle.</summary>
    public long NextDue => _queue.TryPeek(out _, out var due) ? due : long.MaxValue;

    /// <summary>The last driver failure, for diagnostics.</summary>
    public Exception? LastFault { get; private set; }

    /// <summary>Whether a line runs or awaits a waveform.</summary>
    /// <param name="line">The line.</param>
    /// <returns>True when active or pending.</returns>
    public bool IsActive(int line) => _slots[line].Active || _slots[line].HasPending;

    /// <summary>
    /// Makes <paramref name="waveform"/> the line's next waveform: it takes over at its start (at
    /// once, written on the calling thread, when the start is not in the future).
    /// </summary>
    /// <param name="line">The line.</param>
    /// <param name="waveform">A validated waveform.</param>
    /// <param name="token">Its token.</param>
    /// <param name="now">The clock now.</param>
    /// <param name="queued">A queued waveform: taken over late (now or later), it starts when it is written (see <see cref="MoveIfLate"/>).</param>
    /// <returns>Its start: moved when it took over late during this call, else as given (the lane may still move it when it takes over late).</returns>
    public long Start(int line, in Waveform waveform, long token, long now, bool queued)
    {
        ref var slot = ref _slots[line];
        if (slot.HasPending)
        {
            Add(new WaveformCompletion(line, slot.PendingToken, now, WaveformEndReason.Superseded));
        }

        slot.Pending = waveform;
        slot.PendingToken = token;
        slot.PendingMovable = queued;
        slot.HasPending = true;
        var start = waveform.StartNanoseconds;
        if (start <= now)
        {
            MoveIfLate(ref slot, now);
            start = slot.Pending.StartNanoseconds;
            if (Process(ref slot, line, now, now, out var level))
            {
                WriteOne(line, level);
            }
        }
        else
        {
            slot.NextDue = Math.Min(slot.NextDue, start);
        }

        _queue.Set(line, slot.NextDue);
        return start;
    }

    /// <summary>Stops whatever the line runs or awaits and leaves it at a final level.</summary>
    /// <param name="line">The line.</param>
    /// <param name="finalLevel">The level to leave; null: the running waveform's final level (or untouched when idle).</param>
    /// <param name="now">The clock now: the cut instant.</param>
    public void Cancel(int line, PinValue? finalLevel, long now)
    {
        ref var slot = ref _slots[line];

        // Let anything already due (an end, a hand-over) happen first, so the cut applies to what
        // really runs now; its level is not written (the cut writes the final level instead).
        PinValue? dueLevel = null;
        if (slot.NextDue <= now && Process(ref slot, line, now, now, out var processed))
        {
            dueLevel = processed;
            slot.LevelKnown = false;
        }

        var level = finalLevel;
        if (slot.Active)
        {
            level ??= slot.Current.FinalLevel;
            Add(new WaveformCompletion(line, slot.CurrentToken, now, WaveformEndReason.Interrupted));
        }

        if (slot.HasPending)
        {
            Add(new WaveformCompletion(line, slot.PendingToken, now, WaveformEndReason.Superseded));
        }

        level ??= dueLevel;
        slot.Active = false;
        slot.HasPending = false;
        slot.NextDue = long.MaxValue;
        _queue.Remove(line);
        if (level is { } value && (!slot.LevelKnown || slot.Level != value.IsHigh))
        {
            slot.Level = value.IsHigh;
            slot.LevelKnown = true;
            WriteOne(line, value);
        }
    }

    /// <summary>
    /// Runs every line due at or before <paramref name="now"/>: computes their levels, writes all
    /// changes in one multi-line write, records each edge's lateness.
    /// </summary>
    /// <param name="now">The clock now.</param>
    public void ProcessDue(long now)
    {
        var writes = 0;
        while (_queue.TryPeek(out var line, out var due) && due <= now)
        {
            ref var slot = ref _slots[line];
            if (Process(ref slot, line, now, 0, out var level))
            {
                _batch[writes] = new PinValuePair(line, level);
                _batchDue[writes] = due;
                writes++;
            }

            _queue.Set(line, slot.NextDue);
        }

        if (writes == 0)
        {
            return;
        }

        WriteBatch(writes);
        var after = ClockTime.NowNanoseconds(_clock);
        for (var i = 0; i < writes; i++)
        {
            Histogram.Record(after - _batchDue[i]);
        }
    }

    /// <summary>Queues an end for the listener, in order.</summary>
    private void Add(in WaveformCompletion completion) =>
        Outbox.Add(completion.Line, completion.Token, completion.EndNanoseconds, completion.Reason);

    /// <summary>
    /// A queued waveform whose start has passed by more than <see cref="HandOverToleranceNanoseconds"/>
    /// (or by half its duration or more) is moved, keeping every duration, to start at
    /// <paramref name="time"/> — the instant its first level is written. A running waveform that was
    /// to end where it took over ends there too, so the two still join without a gap. Lateness
    /// within the tolerance keeps the planned start: a queue run on time chains exactly, without drift.
    /// </summary>
    /// <param name="slot">The slot.</param>
    /// <param name="time">The instant the lane takes the waveform over.</param>
    private static void MoveIfLate(ref LineSlot slot, long time)
    {
        if (!slot.HasPending || !slot.PendingMovable || !slot.Pending.IsLateHandOver(time, HandOverToleranceNanoseconds))
        {
            return;
        }

        if (slot.Active && slot.Current.EndNanoseconds == slot.Pending.StartNanoseconds)
        {
            slot.Current = slot.Current with { EndNanoseconds = time };
        }

        slot.Pending = slot.Pending.MovedTo(time);
    }

    /// <summary>
    /// Brings a slot to time <paramref name="time"/>: ends, hand-overs, then the running
    /// waveform's level; computes the next due time.
    /// </summary>
    /// <param name="slot">The slot.</param>
    /// <param name="line">Its line.</param>
    /// <param name="time">The instant to evaluate.</param>
    /// <param name="floor">Hand-overs are reported no earlier than this (the call time, when a caller starts a waveform late).</param>
    /// <param name="level">The level to write when the result is true.</param>
    /// <returns>True when the line must be written.</returns>
    private bool Process(ref LineSlot slot, int line, long time, long floor, out PinValue level)
    {
        MoveIfLate(ref slot, time);
        var haveDesired = false;
        var desired = false;
        while (true)
        {
            var end = slot.Active ? slot.Current.EndNanoseconds : long.MaxValue;
            var handOver = slot.HasPending ? slot.Pending.StartNanoseconds : long.MaxValue;
            if (Math.Min(end, handOver) > time)
            {
                break;
            }

            if (end <= handOver)
            {
                Add(new WaveformCompletion(line, slot.CurrentToken, end, WaveformEndReason.Completed));
                slot.Active = false;
                desired = slot.Current.FinalLevel.IsHigh;
                haveDesired = true;
            }
            else
            {
                if (slot.Active)
                {
                    Add(new WaveformCompletion(line, slot.CurrentToken, Math.Max(handOver, floor), WaveformEndReason.Interrupted));
                }

                slot.Current = slot.Pending;
                slot.CurrentToken = slot.PendingToken;
                slot.Active = true;
                slot.HasPending = false;
            }
        }

        var next = long.MaxValue;
        if (slot.Active)
        {
            next = Math.Min(slot.Current.Evaluate(time, out desired), slot.Current.EndNanoseconds);
            haveDesired = true;
        }

        if (slot.HasPending)
        {
            next = Math.Min(next, slot.Pending.StartNanoseconds);
        }

        slot.NextDue = next;
        level = desired;
        if (!haveDesired || (slot.LevelKnown && slot.Level == desired))
        {
            return false;
        }

        slot.Level = desired;
        slot.LevelKnown = true;
        return true;
    }

    /// <summary>Writes one line now; a failure stops its waveform (reported as faulted).</summary>
    private void WriteOne(int line, PinValue level)
    {
        try
        {
            _driver.WriteLine(line, level);
        }
        catch (Exception ex)
        {
            Fault(line, ex);
        }
    }

    /// <summary>Writes the batch in one call; on failure retries line by line to isolate the faulty ones.</summary>
    private void WriteBatch(int writes)
    {
        try
        {
            if (writes == 1)
            {
                _driver.WriteLine(_batch[0].Line, _batch[0].Value);
            }
            else
            {
                _driver.WriteLines(_batch.AsSpan(0, writes));
            }
        }
        catch (Exception)
        {
            for (var i = 0; i < writes; i++)
            {
                WriteOne(_batch[i].Line, _batch[i].Value);
            }
        }
    }

    /// <summary>Stops a line whose write failed and reports its waveforms as faulted.</summary>
    private void Fault(int line, Exception error)
    {
        LastFault = error;
        ref var slot = ref _slots[line];
        var now = ClockTime.NowNanoseconds(_clock);
        if (slot.Active)
        {
            Add(new WaveformCompletion(line, slot.CurrentToken, now, WaveformEndReason.Faulted));
        }

        if (slot.HasPending)
        {
            Add(new WaveformCompletion(line, slot.PendingToken, now, WaveformEndReason.Faulted));
        }

        slot.Active = false;
        slot.HasPending = false;
        slot.LevelKnown = false;
        slot.NextDue = long.MaxValue;
        _queue.Remove(line);
    }
}
