using RemoteIo.Actors.Gpio.Interop;

namespace RemoteIo.Actors.Gpio.Linux;

/// <summary>Line requests: request, reconfigure, release (re-requesting the lines that stay), read and write.</summary>
public sealed partial class ChardevGpioDriver
{
    /// <inheritdoc />
    protected internal override void RequestLines(ReadOnlySpan<int> lines, LineSettings settings, string consumer)
    {
        var offsets = lines.ToArray();
        var all = offsets.Length == 64 ? ulong.MaxValue : (1UL << offsets.Length) - 1;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            var handle = OpenRequest(offsets, [.. offsets.Select(_ => settings)], settings.InitialValue.IsHigh ? all : 0, consumer);
            Publish(handle, continueSequences: false);
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
            var wasWatching = handle.WantsEvents;
            lock (handle.Gate)
            {
                var index = _indexInRequest[line];

                // The kernel takes the whole request's configuration at once and sets every output
                // from it, so outputs keep their current values unless this line turns into one.
                // Writes wait on the handle's gate meanwhile, so none is lost between read and set.
                var values = ReadValues(handle, handle.AllMask);
                var bit = 1UL << index;
                if (handle.Settings[index].Direction != LineDirection.Output && settings.Direction == LineDirection.Output)
                {
                    values = settings.InitialValue.IsHigh ? values | bit : values & ~bit;
                }

                var next = (LineSettings[])handle.Settings.Clone();
                next[index] = settings;
                var config = default(GpioV2LineConfig);
                LineConfigEncoder.Fill(ref config, next, values);
                var errno = TryIoctl(handle.Fd, GpioUapi.V2LineSetConfig, &config);
                if (errno != 0)
                {
                    throw UapiError(errno, GpioUapi.V2LineSetConfig, Target(handle, handle.AllMask));
                }

                handle.Settings[index] = settings;
            }

            if (!wasWatching && handle.WantsEvents)
            {
                _reader.Add(handle);
            }
            else if (wasWatching && !handle.WantsEvents)
            {
                _reader.Remove(handle);
            }
        }
    }

    /// <inheritdoc />
    protected internal override void ReleaseLine(int line) => ReleaseLines([line]);

    /// <inheritdoc />
    /// <remarks>
    /// A request whose lines are all released is closed. One that keeps some lines is closed and
    /// those lines are requested again at once (see the class remarks); if that fails they are no
    /// longer held, which throws a <see cref="GpioException"/> naming them (after the released
    /// lines were released) unless the chip is gone, where nothing could be held anyway.
    /// </remarks>
    protected internal override void ReleaseLines(ReadOnlySpan<int> lines)
    {
        var errors = new List<GpioException>();
        lock (_gate)
        {
            foreach (var line in lines)
            {
                if (Volatile.Read(ref _lines[line]) is null && _lost[line] is null)
                {
                    throw NotHeld(line);
                }
            }

            var touched = new List<LineRequestHandle>();
            foreach (var line in lines)
            {
                _lost[line] = null;
                if (Volatile.Read(ref _lines[line]) is { } handle)
                {
                    handle.Released[_indexInRequest[line]] = true;
                    Volatile.Write(ref _lines[line], null);
                    if (!touched.Contains(handle))
                    {
                        touched.Add(handle);
                    }
                }
            }

            foreach (var handle in touched)
            {
                if (handle.AllReleased)
                {
                    Close(handle);
                }
                else if (RequestRemaining(handle) is { } error)
                {
                    errors.Add(error);
                }
            }
        }

        if (errors.Count > 0)
        {
            throw errors.Count == 1 ? errors[0] : new GpioException(string.Join("; ", errors.Select(e => e.Message)), errors[0]) { Errno = errors[0].Errno };
        }
    }

    /// <inheritdoc />
    protected internal override PinValue ReadLine(int line)
    {
        using (EnterHeld(line, out var handle))
        {
            var bit = 1UL << _indexInRequest[line];
            return (ReadValues(handle, bit) & bit) != 0;
        }
    }

    /// <inheritdoc />
    protected internal override unsafe void WriteLine(int line, PinValue value)
    {
        using (EnterHeld(line, out var handle))
        {
            var bit = 1UL << _indexInRequest[line];
            var values = new GpioV2LineValues { Mask = bit, Bits = value.IsHigh ? bit : 0 };
            SetValues(handle, &values);
        }
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

            using (EnterHeld(values[i].Line, out var handle))
            {
                var native = default(GpioV2LineValues);
                for (var j = i; j < values.Length; j++)
                {
                    if (!done[j] && ReferenceEquals(Volatile.Read(ref _lines[values[j].Line]), handle))
                    {
                        var bit = 1UL << _indexInRequest[values[j].Line];
                        native.Mask |= bit;
                        native.Bits |= values[j].Value.IsHigh ? bit : 0;
                        done[j] = true;
                    }
                }

                SetValues(handle, &native);
            }
        }
    }

    /// <summary>
    /// Enters the gate of the request holding <paramref name="line"/>. A request found closed
    /// (re-requested because a sibling line was released, between reading the table and entering)
    /// is left for the one that replaced it, so no ioctl ever reaches a closed descriptor, or one
    /// the kernel has since given to another request.
    /// </summary>
    /// <param name="line">A line this driver holds.</param>
    /// <param name="handle">The request holding it, open for as long as the scope lasts.</param>
    /// <returns>The entered gate; dispose it to leave.</returns>
    private Lock.Scope EnterHeld(int line, out LineRequestHandle handle)
    {
        while (true)
        {
            handle = Held(line);
            var scope = handle.Gate.EnterScope();
            if (!handle.Closed)
            {
                return scope;
            }

            scope.Dispose();
        }
    }

    /// <summary>Makes a kernel request for <paramref name="offsets"/>; caller holds the driver's lock.</summary>
    /// <param name="offsets">The lines, in request order.</param>
    /// <param name="settings">Per line, its settings.</param>
    /// <param name="values">Logical output values by request bit.</param>
    /// <param name="consumer">The consumer label.</param>
    /// <returns>The new request's handle (not yet published in the line table).</returns>
    private unsafe LineRequestHandle OpenRequest(int[] offsets, LineSettings[] settings, ulong values, string consumer)
    {
        var request = default(GpioV2LineRequest);
        for (var i = 0; i < offsets.Length; i++)
        {
            request.Offsets[i] = (uint)offsets[i];
        }

        NativeText.Write(consumer, request.Consumer, GpioUapi.MaxNameSize);
        request.NumLines = (uint)offsets.Length;
        LineConfigEncoder.Fill(ref request.Config, settings, values);
        var errno = TryIoctl(_chipFd, GpioUapi.V2GetLine, &request);
        if (errno == Libc.EBUSY)
        {
            throw BusyError(offsets);
        }

        if (errno != 0)
        {
            throw UapiError(errno, GpioUapi.V2GetLine, $"{ChipInfo.Name} {Lines(offsets)}");
        }

        return new LineRequestHandle(request.Fd, offsets, settings, consumer);
    }

    /// <summary>
    /// Enters a new request's lines in the line table (index first, then the handle, so a reader
    /// that finds the handle finds its index); caller holds the driver's lock.
    /// </summary>
    /// <param name="handle">The new request.</param>
    /// <param name="continueSequences">True for a re-request: the lines' event sequences go on where they stood.</param>
    private void Publish(LineRequestHandle handle, bool continueSequences)
    {
        for (var i = 0; i < handle.Offsets.Length; i++)
        {
            var line = handle.Offsets[i];
            _indexInRequest[line] = i;
            _lost[line] = null;
            _lineSequenceBase[line] = continueSequences ? _lastLineSequence[line] : 0;
            _lastLineSequence[line] = _lineSequenceBase[line];
            Volatile.Write(ref _lines[line], handle);
        }
    }

    /// <summary>
    /// Closes a request some of whose lines were released and requests the others again with
    /// their settings and current output values; caller holds the driver's lock.
    /// </summary>
    /// <param name="old">The request; its released lines are already out of the line table.</param>
    /// <returns>Null when the remaining lines are held again (or the chip is gone); otherwise the error to report.</returns>
    private GpioException? RequestRemaining(LineRequestHandle old)
    {
        var keep = Enumerable.Range(0, old.Offsets.Length).Where(i => !old.Released[i]).ToArray();
        var offsets = keep.Select(i => old.Offsets[i]).ToArray();
        var settings = keep.Select(i => old.Settings[i]).ToArray();

        // Outside the handle's gate: the reader may be delivering an event whose listener writes.
        if (old.WantsEvents)
        {
            _reader.Remove(old);
            _reader.DeliverPending(old);
        }

        LineRequestHandle? next = null;
        GpioException? failure = null;
        lock (old.Gate)
        {
            try
            {
                var current = ReadValues(old, old.AllMask);
                var values = 0UL;
                for (var j = 0; j < keep.Length; j++)
                {
                    values |= ((current >> keep[j]) & 1) << j;
                }

                CloseDescriptor(old);
                next = OpenRequest(offsets, settings, values, old.Consumer);
                Publish(next, continueSequences: true);
            }
            catch (GpioException e)
            {
                CloseDescriptor(old);
                failure = e;
                foreach (var line in offsets)
                {
                    Volatile.Write(ref _lines[line], null);
                    _lost[line] = Rewrap(e, $"line {line} of {ChipInfo.Name} is no longer held: its request was closed to release {Lines(ReleasedOffsets(old))}, and it could not be requested again: {e.Message}");
                }
            }
        }

        if (next is { WantsEvents: true })
        {
            _reader.Add(next);
        }

        if (failure is null || old.Dead || failure.Errno == Libc.ENODEV)
        {
            return null; // Held again, or the chip is gone and nothing could be held.
        }

        return Rewrap(failure, $"{Lines(ReleasedOffsets(old))} of {ChipInfo.Name} released, but {Lines(offsets)} of the same request could not be requested again and {(offsets.Length == 1 ? "is" : "are")} no longer held: {failure.Message}");
    }

    /// <summary>Stops polling a request, closes it (the kernel releases its lines) and takes it out of the line table.</summary>
    private void Close(LineRequestHandle handle)
    {
        _reader.Remove(handle);
        lock (handle.Gate)
        {
            CloseDescriptor(handle);
            foreach (var line in handle.Offsets)
            {
                if (ReferenceEquals(Volatile.Read(ref _lines[line]), handle))
                {
                    Volatile.Write(ref _lines[line], null);
                }
            }
        }
    }

    /// <summary>Marks a handle closed and closes its descriptor once; caller holds the handle's gate.</summary>
    private static void CloseDescriptor(LineRequestHandle handle)
    {
        if (!handle.Closed)
        {
            handle.Closed = true;
            _ = Libc.Close(handle.Fd);
        }
    }

    /// <summary>The offsets of a request's released lines.</summary>
    private static int[] ReleasedOffsets(LineRequestHandle handle) =>
        [.. Enumerable.Range(0, handle.Offsets.Length).Where(i => handle.Released[i]).Select(i => handle.Offsets[i])];

    /// <summary>Reads the request's values for the bits in <paramref name="mask"/>; caller holds the handle's gate.</summary>
    private unsafe ulong ReadValues(LineRequestHandle handle, ulong mask)
    {
        var values = new GpioV2LineValues { Mask = mask };
        var errno = TryIoctl(handle.Fd, GpioUapi.V2LineGetValues, &values);
        if (errno != 0)
        {
            throw UapiError(errno, GpioUapi.V2LineGetValues, Target(handle, mask));
        }

        return values.Bits;
    }

    /// <summary>Sets the request's values; caller holds the handle's gate.</summary>
    private unsafe void SetValues(LineRequestHandle handle, GpioV2LineValues* values)
    {
        var errno = TryIoctl(handle.Fd, GpioUapi.V2LineSetValues, values);
        if (errno != 0)
        {
            throw UapiError(errno, GpioUapi.V2LineSetValues, Target(handle, values->Mask));
        }
    }

    /// <summary>Names the chip and the request's lines in <paramref name="mask"/> for messages: "gpiochip0 lines 6,7".</summary>
    private string Target(LineRequestHandle handle, ulong mask) =>
        $"{ChipInfo.Name} {Lines([.. Enumerable.Range(0, handle.Offsets.Length).Where(i => ((mask >> i) & 1) != 0).Select(i => handle.Offsets[i])])}";

    /// <summary>The busy error for a failed request: finds the held line and names its consumer.</summary>
    private GpioLineBusyException BusyError(int[] lines)
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
    private LineRequestHandle Held(int line) => Volatile.Read(ref _lines[line]) ?? throw NotHeld(line);

    /// <summary>Why a line is not held: lost in a re-request (with the cause), or never requested here.</summary>
    private GpioException NotHeld(int line) =>
        _lost[line] is { } lost
            ? Rewrap(lost.InnerException as GpioException ?? lost, lost.Message)
            : new GpioInvalidArgumentException($"line {line} of {Path} is not held by this driver");

    /// <summary>A new error of the same kind as <paramref name="cause"/> (so a caller's catch of, say, a missing chip still matches), with its errno and a message that says more.</summary>
    private static GpioException Rewrap(GpioException cause, string message) => cause switch
    {
        GpioNotFoundException => new GpioNotFoundException(message, cause) { Errno = cause.Errno },
        GpioBusyException => new GpioBusyException(message, cause) { Errno = cause.Errno },
        GpioPermissionException => new GpioPermissionException(message, cause) { Errno = cause.Errno },
        GpioInvalidArgumentException => new GpioInvalidArgumentException(message, cause) { Errno = cause.Errno },
        _ => new GpioException(message, cause) { Errno = cause.Errno },
    };
}
