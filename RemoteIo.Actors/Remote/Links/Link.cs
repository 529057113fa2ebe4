using System.Globalization;
using System.IO.Pipelines;
using RemoteIo.Actors.Kernel.Dispatch;
using RemoteIo.Actors.Protocol.Remoting;
using RemoteIo.Actors.Remote.Framing;
using RemoteIo.Actors.Remote.Transports;

namespace RemoteIo.Actors.Remote.Links;

/// <summary>
/// One authenticated connection of an association: a read loop that decodes frames and hands
/// them on, a write loop that drains the association's queue into the connection in batches (one
/// flush for everything queued), and a heartbeat timer with a deadline failure detector. It ends
/// once, for one <see cref="LinkCloseInfo"/>, and tells its association at once.
/// </summary>
internal sealed class Link : IAsyncDisposable
{
    /// <summary>Unflushed bytes at which the writer flushes in the middle of a batch.</summary>
    private const int FlushThreshold = 256 * 1024;

    /// <summary>How long the final Disassociate may take to flush before the connection is dropped.</summary>
    private static readonly TimeSpan GoodbyeTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The connection.</summary>
    private readonly TransportConnection _connection;

    /// <summary>The association this link serves.</summary>
    private readonly Association _association;

    /// <summary>The association's outbound queue (read only by this link's writer while it is current).</summary>
    private readonly OutboundQueue _queue;

    /// <summary>Frame size limit, heartbeat settings.</summary>
    private readonly RemoteSettings _settings;

    /// <summary>Where to log.</summary>
    private readonly IRemoteLog _log;

    /// <summary>Declares the peer dead after the heartbeat deadline.</summary>
    private readonly DeadlineFailureDetector _detector;

    /// <summary>Decodes Deliver frames without intermediate objects (the read loop's own).</summary>
    private readonly DeliverDecoder _decoder = new();

    /// <summary>Stops both loops when the link closes.</summary>
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Completes when the link is fully torn down.</summary>
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How often to send a heartbeat.</summary>
    private readonly TimeSpan _heartbeatInterval;

    /// <summary>The clock of heartbeats and the failure detector.</summary>
    private readonly TimeProvider _time;

    /// <summary>The heartbeat timer.</summary>
    private ITimer? _heartbeat;

    /// <summary>Sequence of the last heartbeat sent.</summary>
    private ulong _heartbeatSequence;

    /// <summary>The read loop.</summary>
    private Task _reading = Task.CompletedTask;

    /// <summary>The write loop.</summary>
    private Task _writing = Task.CompletedTask;

    /// <summary>Why the link closed; set once.</summary>
    private LinkCloseInfo? _closeInfo;

    /// <summary>Backing field of <see cref="Flushes"/>.</summary>
    private long _flushes;

    /// <summary>Creates the link (it runs after <see cref="Start"/>).</summary>
    /// <param name="connection">An authenticated connection.</param>
    /// <param name="association">Its association.</param>
    /// <param name="settings">Frame size and heartbeat settings.</param>
    /// <param name="heartbeatInterval">How often to send heartbeats (a client sends at least as often as the server asks).</param>
    /// <param name="time">The clock.</param>
    /// <param name="log">Where to log.</param>
    public Link(TransportConnection connection, Association association, RemoteSettings settings, TimeSpan heartbeatInterval, TimeProvider time, IRemoteLog log)
    {
        _connection = connection;
        _association = association;
        _queue = association.Queue;
        _settings = settings;
        _heartbeatInterval = heartbeatInterval;
        _time = time;
        _log = log;
        _detector = new DeadlineFailureDetector(settings.HeartbeatDeadline, time);
    }

    /// <summary>What logs call this link (the connection's description).</summary>
    public string Description => _connection.Description;

    /// <summary>Completes when the link is fully torn down (connection closed).</summary>
    public Task Closed => _closed.Task;

    /// <summary>Why the link closed, or null while it is open.</summary>
    public LinkCloseInfo? CloseInfo => Volatile.Read(ref _closeInfo);

    /// <summary>Completes when the write loop has stopped taking from the queue.</summary>
    public Task WriterStopped => _writing;

    /// <summary>Frames received so far.</summary>
    public long FramesReceived { get; private set; }

    /// <summary>Flushes (hand-overs to the transport) so far: one per batch of queued frames, not one per frame.</summary>
    public long Flushes => Interlocked.Read(ref _flushes);

    /// <summary>Starts the loops and the heartbeat timer.</summary>
    public void Start()
    {
        if (CloseInfo is not null)
        {
            return; // closed before it started (its association terminated meanwhile)
        }

        _reading = ReadLoopAsync();
        _writing = WriteLoopAsync();
        _heartbeat = _time.CreateTimer(static state => ((Link)state!).OnHeartbeatTick(), this, _heartbeatInterval, _heartbeatInterval);
        if (CloseInfo is not null)
        {
            _heartbeat.Dispose(); // closed while starting: Close may have missed the timer
        }
    }

    /// <summary>
    /// Closes the link once (later calls do nothing): stops the loops, tells the association,
    /// then (in the background) says goodbye to the peer if asked and closes the connection.
    /// </summary>
    /// <param name="info">Why.</param>
    /// <param name="notifyPeer">Send a Disassociate with the reason before closing.</param>
    public void Close(LinkCloseInfo info, bool notifyPeer)
    {
        if (Interlocked.CompareExchange(ref _closeInfo, info, null) is not null)
        {
            return;
        }

        _heartbeat?.Dispose();
        _stop.Cancel();
        _association.OnLinkClosed(this, info);
        _ = TearDownAsync(info, notifyPeer);
    }

    /// <summary>Resets the connection under the link (TCP: RST); the link then closes as a transport failure.</summary>
    public void Abort() => _connection.Abort();

    /// <summary>Closes the link as a local shutdown (telling the peer) and waits until it is torn down.</summary>
    /// <returns>A task that completes when the connection is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        Close(new LinkCloseInfo(DisassociateReason.Shutdown, "the link was closed", LinkCloseOrigin.Local), notifyPeer: true);
        await Closed.ConfigureAwait(false);
    }

    /// <summary>Waits for the loops, says goodbye, closes the connection.</summary>
    private async Task TearDownAsync(LinkCloseInfo info, bool notifyPeer)
    {
        try
        {
            await _writing.ConfigureAwait(false);
            var graceful = info.Origin is LinkCloseOrigin.Local or LinkCloseOrigin.Peer or LinkCloseOrigin.ProtocolViolation;
            if (notifyPeer)
            {
                await SayGoodbyeAsync(info).ConfigureAwait(false);
            }

            if (graceful)
            {
                await _connection.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                _connection.Abort();
            }

            await _reading.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _log.Log(RemoteLogLevel.Debug, $"{Description}: error while closing: {ex.Message}", ex);
        }
        finally
        {
            _stop.Dispose();
            _closed.TrySetResult();
        }
    }

    /// <summary>Writes the Disassociate frame (best effort, bounded in time).</summary>
    private async Task SayGoodbyeAsync(LinkCloseInfo info)
    {
        using var timeout = new CancellationTokenSource(GoodbyeTimeout);
        try
        {
            var frame = new Frame { Disassociate = new Disassociate { Reason = info.Reason, Message = info.Message } };
            await FrameIO.WriteFrameAsync(_connection.Output, frame, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or OperationCanceledException)
        {
            // the peer is gone or stuck; it learns from the closed connection instead
        }
    }

    /// <summary>Heartbeat tick: declare the peer dead after the deadline, else send a heartbeat.</summary>
    private void OnHeartbeatTick()
    {
        if (!_detector.IsAvailable)
        {
            var silence = _detector.Silence;
            Close(
                new LinkCloseInfo(
                    DisassociateReason.HeartbeatTimeout,
                    string.Create(CultureInfo.InvariantCulture, $"nothing heard from the peer for {silence.TotalMilliseconds:0} ms (deadline {_detector.Deadline.TotalMilliseconds:0} ms)"),
                    LinkCloseOrigin.FailureDetector),
                notifyPeer: true);
            return;
        }

        _queue.TryEnqueueControl(new OutboundItem(new Frame { Heartbeat = new Heartbeat { Sequence = ++_heartbeatSequence } }));
    }

    /// <summary>Reads frames until the connection ends, the peer leaves, or the link closes.</summary>
    private async Task ReadLoopAsync()
    {
        var input = _connection.Input;
        var max = _settings.MaximumFrameSize;
        try
        {
            while (true)
            {
                var result = await input.ReadAsync(_stop.Token).ConfigureAwait(false);
                var buffer = result.Buffer;
                if (!buffer.IsEmpty)
                {
                    _detector.HeartBeat();
                }

                var status = FrameStatus.Incomplete;
                long length = 0;
                try
                {
                    // A closed link stops dispatching at once: after a resume only the new link delivers.
                    while (!_stop.IsCancellationRequested && (status = FrameCodec.TryReadFrame(ref buffer, max, out var bytes, out length)) == FrameStatus.Complete)
                    {
                        FramesReceived++;
                        // The actors a delivery wakes may run on this thread (CallerRuns): it is awake anyway.
                        CallerRuns.Begin();
                        try
                        {
                            if (_decoder.TryDecode(bytes, out var deliver))
                            {
                                _association.OnDeliver(deliver);
                            }
                            else
                            {
                                Dispatch(FrameIO.Decode(bytes));
                            }
                        }
                        finally
                        {
                            CallerRuns.End();
                        }
                    }

                    FrameIO.ThrowIfBad(status, length, max);
                }
                finally
                {
                    input.AdvanceTo(buffer.Start, result.Buffer.End);
                }

                if (result.IsCompleted)
                {
                    Close(new LinkCloseInfo(DisassociateReason.Unspecified, buffer.IsEmpty ? "the peer closed the connection" : "the peer closed the connection in the middle of a frame", LinkCloseOrigin.Transport), notifyPeer: false);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // closed by this side
        }
        catch (LinkProtocolException ex)
        {
            _log.Log(RemoteLogLevel.Warning, $"{Description}: closing the link: {ex.Message}");
            Close(new LinkCloseInfo(ex.Reason, ex.Message, LinkCloseOrigin.ProtocolViolation), notifyPeer: true);
        }
        catch (PeerDisassociatedException ex)
        {
            Close(new LinkCloseInfo(ex.Reason, ex.Message, LinkCloseOrigin.Peer), notifyPeer: false);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            Close(new LinkCloseInfo(DisassociateReason.Unspecified, ex.Message, LinkCloseOrigin.Transport), notifyPeer: false);
        }
        finally
        {
            await input.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Handles one decoded frame.</summary>
    private void Dispatch(Frame frame)
    {
        switch (frame.KindCase)
        {
            case Frame.KindOneofCase.Deliver:
                _association.OnDeliver(DeliverFrame.From(frame.Deliver));
                break;
            case Frame.KindOneofCase.Heartbeat:
                _queue.TryEnqueueControl(new OutboundItem(new Frame { HeartbeatAck = new HeartbeatAck { Sequence = frame.Heartbeat.Sequence } }));
                break;
            case Frame.KindOneofCase.HeartbeatAck:
                break; // any frame already counted as a sign of life
            case Frame.KindOneofCase.DeliveryRejected:
                _association.OnDeliveryRejected(frame.DeliveryRejected);
                break;
            case Frame.KindOneofCase.WatchRequest or Frame.KindOneofCase.UnwatchRequest or Frame.KindOneofCase.WatchTerminated:
                _association.OnDeathWatch(frame);
                break;
            case Frame.KindOneofCase.Disassociate:
                throw new PeerDisassociatedException(frame.Disassociate.Reason, $"the peer disassociated: {frame.Disassociate.Reason} {frame.Disassociate.Message}".TrimEnd());
            default:
                throw new LinkProtocolException(DisassociateReason.UnexpectedFrame, $"unexpected {frame.KindCase} frame after the handshake");
        }
    }

    /// <summary>Drains the queue into the connection, one flush per batch, until the link closes.</summary>
    private async Task WriteLoopAsync()
    {
        var output = _connection.Output;
        try
        {
            while (await _queue.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
            {
                while (!_stop.IsCancellationRequested && _queue.TryDequeue(out var item))
                {
                    Write(output, item);
                    if (output.UnflushedBytes >= FlushThreshold && await FlushAsync(output).ConfigureAwait(false))
                    {
                        return;
                    }
                }

                if (await FlushAsync(output).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // closed by this side
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            Close(new LinkCloseInfo(DisassociateReason.Unspecified, $"write failed: {ex.Message}", LinkCloseOrigin.Transport), notifyPeer: false);
        }
    }

    /// <summary>Flushes; true when the connection no longer takes data (the link then closes).</summary>
    private async ValueTask<bool> FlushAsync(PipeWriter output)
    {
        Interlocked.Increment(ref _flushes);
        var flush = await output.FlushAsync(_stop.Token).ConfigureAwait(false);
        if (!flush.IsCompleted)
        {
            return false;
        }

        Close(new LinkCloseInfo(DisassociateReason.Unspecified, "the connection stopped accepting data", LinkCloseOrigin.Transport), notifyPeer: false);
        return true;
    }

    /// <summary>Encodes one queue item.</summary>
    private void Write(PipeWriter output, in OutboundItem item)
    {
        if (item.IsControl)
        {
            FrameCodec.WriteFrame(output, item.Message);
            return;
        }

        var sequence = _association.NextOutboundSequence();
        var written = DeliverEncoder.Write(output, item, sequence, _settings.MaximumFrameSize);
        if (written < 0)
        {
            _association.OnUnsendable(item, string.Create(CultureInfo.InvariantCulture, $"the message needs a frame of {-written} bytes, above the maximum frame size of {_settings.MaximumFrameSize} bytes"));
        }
    }
}
