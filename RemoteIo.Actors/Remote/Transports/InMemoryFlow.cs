using System.Buffers;
using System.IO.Pipelines;

namespace RemoteIo.Actors.Remote.Transports;

/// <summary>
/// One direction of an <see cref="InMemoryLink"/>: a relay from the sender's output to the
/// receiver's input that follows the length-delimited frame boundaries, so a test can drop whole
/// frames, hold frames back for a delay measured on the network's clock, or black-hole the
/// direction. Bytes that are not valid framing are passed through untouched.
/// </summary>
public sealed class InMemoryFlow
{
    /// <summary>Longest valid length prefix.</summary>
    private const int MaxPrefix = 5;

    /// <summary>The link, told when this relay ends.</summary>
    private readonly InMemoryLink _link;

    /// <summary>The clock delays are measured on.</summary>
    private readonly TimeProvider _time;

    /// <summary>Set by <see cref="Cut"/>.</summary>
    private volatile bool _isCut;

    /// <summary>The delay the relay is waiting on, completed early by <see cref="Cut"/>.</summary>
    private TaskCompletionSource? _pendingDelay;

    /// <summary>Bytes of the length prefix read so far (the relay's own state; only its loop touches it).</summary>
    private readonly byte[] _prefix = new byte[MaxPrefix];

    /// <summary>How many bytes <see cref="_prefix"/> holds.</summary>
    private int _prefixCount;

    /// <summary>Body bytes of the current frame not yet relayed.</summary>
    private long _remaining;

    /// <summary>Whether the current frame is being dropped.</summary>
    private bool _dropping;

    /// <summary>Set once the stream stopped looking like frames: everything is passed through.</summary>
    private bool _raw;

    /// <summary>Frames still to drop (see <see cref="DropNextFrames"/>).</summary>
    private int _dropNext;

    /// <summary>Backing field of <see cref="Blackhole"/>.</summary>
    private volatile bool _blackhole;

    /// <summary>Backing field of <see cref="Delay"/>, in ticks.</summary>
    private long _delayTicks;

    /// <summary>Backing field of <see cref="FramesForwarded"/>.</summary>
    private long _forwarded;

    /// <summary>Backing field of <see cref="FramesDropped"/>.</summary>
    private long _dropped;

    /// <summary>Creates the direction (its loop starts with <see cref="Start"/>).</summary>
    /// <param name="link">The link.</param>
    /// <param name="description">e.g. <c>inmem://client-1 -> inmem://host</c>.</param>
    /// <param name="time">The clock for delays.</param>
    internal InMemoryFlow(InMemoryLink link, string description, TimeProvider time)
    {
        _link = link;
        _time = time;
        Description = description;
        Source = new Pipe(InMemoryLink.PipeOptionsFor(TransportOptions.Default.SendBufferLimit));
        Target = new Pipe(InMemoryLink.PipeOptionsFor(TransportOptions.Default.ReceiveBufferLimit));
    }

    /// <summary>Which way the frames go.</summary>
    public string Description { get; }

    /// <summary>While true every frame that starts is dropped (the connection stays open: a silent peer).</summary>
    public bool Blackhole
    {
        get => _blackhole;
        set => _blackhole = value;
    }

    /// <summary>
    /// How long bytes are held before the receiver sees them, measured from when the relay read
    /// them, on the network's clock (a manual clock releases them when advanced). Zero: at once.
    /// </summary>
    public TimeSpan Delay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _delayTicks));
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            Interlocked.Exchange(ref _delayTicks, value.Ticks);
        }
    }

    /// <summary>Frames relayed so far.</summary>
    public long FramesForwarded => Interlocked.Read(ref _forwarded);

    /// <summary>Frames dropped so far.</summary>
    public long FramesDropped => Interlocked.Read(ref _dropped);

    /// <summary>The sender writes here.</summary>
    internal Pipe Source { get; }

    /// <summary>The receiver reads here.</summary>
    internal Pipe Target { get; }

    /// <summary>Drops the next <paramref name="count"/> frames that start in this direction.</summary>
    /// <param name="count">How many; at least 1.</param>
    public void DropNextFrames(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Interlocked.Add(ref _dropNext, count);
    }

    /// <summary>Starts the relay loop.</summary>
    internal void Start() => _ = Task.Run(RelayAsync);

    /// <summary>Breaks this direction: the receiver's read fails, the sender's writes complete.</summary>
    internal void Cut()
    {
        _isCut = true;
        Volatile.Read(ref _pendingDelay)?.TrySetResult();
        Source.Reader.CancelPendingRead();
        Target.Writer.CancelPendingFlush();
    }

    /// <summary>Relays until the sender completes, the receiver stops reading, or the link is cut.</summary>
    private async Task RelayAsync()
    {
        var reader = Source.Reader;
        var writer = Target.Writer;
        Exception? failure = null;
        try
        {
            while (!_isCut)
            {
                var result = await reader.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                var delay = Delay;
                if (delay > TimeSpan.Zero && !buffer.IsEmpty && !_isCut)
                {
                    await DelayAsync(delay).ConfigureAwait(false);
                }

                if (_isCut)
                {
                    break;
                }

                foreach (var segment in buffer)
                {
                    Relay(segment.Span, writer);
                }

                reader.AdvanceTo(buffer.End);
                var flush = await writer.FlushAsync().ConfigureAwait(false);
                if (flush.IsCompleted || result.IsCompleted || _isCut)
                {
                    break;
                }
            }
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        if (_isCut)
        {
            failure = new TransportException($"{Description}: connection cut");
        }

        await writer.CompleteAsync(failure).ConfigureAwait(false);
        await reader.CompleteAsync().ConfigureAwait(false);
        _link.FlowEnded();
    }

    /// <summary>Waits <paramref name="delay"/> on the network's clock, or until the link is cut.</summary>
    private async Task DelayAsync(TimeSpan delay)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _pendingDelay, done);
        using var timer = _time.CreateTimer(static state => ((TaskCompletionSource)state!).TrySetResult(), done, delay, Timeout.InfiniteTimeSpan);
        if (_isCut)
        {
            done.TrySetResult();
        }

        await done.Task.ConfigureAwait(false);
        Volatile.Write(ref _pendingDelay, null);
    }

    /// <summary>Relays one span, tracking frame boundaries and applying drops.</summary>
    private void Relay(ReadOnlySpan<byte> span, PipeWriter writer)
    {
        var i = 0;
        while (i < span.Length)
        {
            if (_raw)
            {
                if (!_blackhole)
                {
                    writer.Write(span[i..]);
                }

                return;
            }

            if (_remaining > 0)
            {
                var n = (int)Math.Min(_remaining, span.Length - i);
                if (!_dropping)
                {
                    writer.Write(span.Slice(i, n));
                }

                _remaining -= n;
                i += n;
                continue;
            }

            var b = span[i++];
            _prefix[_prefixCount++] = b;
            if ((b & 0x80) != 0 && _prefixCount < MaxPrefix)
            {
                continue; // more prefix bytes follow
            }

            StartFrame(writer);
        }
    }

    /// <summary>A whole prefix was read: decide the frame's fate, or fall back to raw relaying.</summary>
    private void StartFrame(PipeWriter writer)
    {
        var prefix = _prefix.AsSpan(0, _prefixCount);
        _prefixCount = 0;
        if ((prefix[^1] & 0x80) != 0 || (prefix.Length == MaxPrefix && prefix[^1] > 0x0F))
        {
            _raw = true; // not framing as remote.proto defines it: relay bytes as they are
            writer.Write(prefix);
            return;
        }

        long length = 0;
        for (var k = 0; k < prefix.Length; k++)
        {
            length |= (long)(prefix[k] & 0x7F) << (7 * k);
        }

        _dropping = _blackhole || TryTakeDrop();
        if (_dropping)
        {
            Interlocked.Increment(ref _dropped);
        }
        else
        {
            Interlocked.Increment(ref _forwarded);
            writer.Write(prefix);
        }

        _remaining = length;
    }

    /// <summary>Consumes one pending drop, if any.</summary>
    private bool TryTakeDrop()
    {
        while (true)
        {
            var pending = Volatile.Read(ref _dropNext);
            if (pending == 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _dropNext, pending - 1, pending) == pending)
            {
                return true;
            }
        }
    }
}
