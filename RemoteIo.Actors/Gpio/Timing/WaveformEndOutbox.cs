namespace RemoteIo.Actors.Gpio.Timing;

/// <summary>
/// Hands waveform ends to an <see cref="IWaveformListener"/> outside the lock of the engine that
/// produced them, in the order they were produced, whichever thread produced them: an engine's
/// timing thread (or timer) and the threads that start and cancel its waveforms each end waveforms
/// under the engine's lock, and without this a thread could report a later end of a line before
/// another thread had reported an earlier one.
/// </summary>
/// <remarks>
/// <para>
/// Ends go into a ring allocated up front (it grows only when a deliverer falls far behind, so
/// nothing is ever dropped). One thread at a time delivers — the one that finds nobody delivering
/// when it has added ends — and it keeps delivering until the ring is empty; a thread that adds
/// ends while another delivers leaves them to it and returns at once. The listener never runs
/// under the engine's lock, so it may call back into the engine. Nothing is allocated per end.
/// </para>
/// <para>
/// Usage, with the engine's lock <c>gate</c> guarding the outbox too:
/// <c>lock (gate) { …; outbox.Add(…); deliver = outbox.TryBeginDelivery(); } if (deliver) outbox.Deliver(gate);</c>
/// </para>
/// </remarks>
public sealed class WaveformEndOutbox
{
    /// <summary>Ends reported per turn between two visits to the engine's lock.</summary>
    private const int BatchSize = 16;

    /// <summary>Told about every end; null drops them (an engine without a listener).</summary>
    private readonly IWaveformListener? _listener;

    /// <summary>Where a failing listener is logged; may be null.</summary>
    private readonly Action<string>? _log;

    /// <summary>Ends not yet reported, a ring in the order they were added.</summary>
    private WaveformCompletion[] _ring;

    /// <summary>Index of the oldest entry of <see cref="_ring"/>.</summary>
    private int _head;

    /// <summary>Entries in <see cref="_ring"/>.</summary>
    private int _count;

    /// <summary>True while a thread delivers (outside the engine's lock); others leave their ends to it.</summary>
    private bool _delivering;

    /// <summary>Creates an outbox for an engine's ends.</summary>
    /// <param name="listener">Told about every end; null drops them.</param>
    /// <param name="capacity">The ring's initial size: the most ends the engine produces at once (it grows beyond, never drops).</param>
    /// <param name="log">Where a listener that throws is logged (its exception is not passed on: it must not stop the engine); may be null.</param>
    public WaveformEndOutbox(IWaveformListener? listener, int capacity, Action<string>? log = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _listener = listener;
        _log = log;
        _ring = new WaveformCompletion[capacity];
    }

    /// <summary>Queues an end. The caller holds the engine's lock.</summary>
    /// <param name="line">The line.</param>
    /// <param name="token">The waveform's token.</param>
    /// <param name="endNanoseconds">When it ended.</param>
    /// <param name="reason">Why.</param>
    public void Add(int line, long token, long endNanoseconds, WaveformEndReason reason)
    {
        if (_listener is null)
        {
            return;
        }

        if (_count == _ring.Length)
        {
            var grown = new WaveformCompletion[_ring.Length * 2];
            for (var i = 0; i < _count; i++)
            {
                grown[i] = _ring[(_head + i) % _ring.Length];
            }

            _ring = grown;
            _head = 0;
        }

        _ring[(_head + _count) % _ring.Length] = new WaveformCompletion(line, token, endNanoseconds, reason);
        _count++;
    }

    /// <summary>Ends waiting to be reported (read under the engine's lock).</summary>
    public int Count => _count;

    /// <summary>
    /// Makes the caller the deliverer when there is something to report and nobody delivers. The
    /// caller holds the engine's lock; when this returns true it must call <see cref="Deliver"/>
    /// once it has released it.
    /// </summary>
    /// <returns>True when the caller must deliver.</returns>
    public bool TryBeginDelivery()
    {
        if (_delivering || _count == 0)
        {
            return false;
        }

        _delivering = true;
        return true;
    }

    /// <summary>
    /// Reports the queued ends, oldest first, until none is left (also those other threads add
    /// meanwhile). Called outside <paramref name="gate"/> by the thread that
    /// <see cref="TryBeginDelivery"/> made the deliverer.
    /// </summary>
    /// <param name="gate">The engine's lock, which guards this outbox.</param>
    public void Deliver(Lock gate)
    {
        Span<WaveformCompletion> batch = stackalloc WaveformCompletion[BatchSize];
        var finished = false;
        try
        {
            while (true)
            {
                int taken;
                lock (gate)
                {
                    taken = Take(batch);
                    if (taken == 0)
                    {
                        _delivering = false;
                        finished = true;
                        return;
                    }
                }

                Report(batch[..taken]);
            }
        }
        finally
        {
            if (!finished)
            {
                // Unexpected (the log itself failed): the next thread that adds an end delivers what is left.
                lock (gate)
                {
                    _delivering = false;
                }
            }
        }
    }

    /// <summary>Moves the oldest ends into <paramref name="batch"/>; the caller holds the engine's lock.</summary>
    private int Take(Span<WaveformCompletion> batch)
    {
        var taken = Math.Min(_count, batch.Length);
        for (var i = 0; i < taken; i++)
        {
            batch[i] = _ring[_head];
            _head = (_head + 1) % _ring.Length;
        }

        _count -= taken;
        return taken;
    }

    /// <summary>Tells the listener, outside every lock; a listener's exception is logged, not passed on.</summary>
    private void Report(ReadOnlySpan<WaveformCompletion> batch)
    {
        foreach (var c in batch)
        {
            try
            {
                _listener!.OnWaveformEnded(c.Line, c.Token, c.EndNanoseconds, c.Reason);
            }
            catch (Exception ex)
            {
                // A listener's bug must not stop the edges of every other line.
                _log?.Invoke($"waveform listener failed for line {c.Line} (token {c.Token}, {c.Reason}): {ex.Message}");
            }
        }
    }
}
