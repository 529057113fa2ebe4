using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace RemoteIo.Actors.Remote.Transports;

/// <summary>
/// A connected stream socket (TCP or Unix) exposed as two pipes, with one receive pump and one
/// send pump. The send pump hands everything flushed since its last send to the kernel in one
/// gather write (<c>sendmsg</c>), so many small frames queued together cost one syscall.
/// </summary>
/// <remarks>
/// The receive pump runs in one of two ways. With a thread of its own (see
/// <see cref="TransportOptions.ReceiveThreads"/>) the socket stays in blocking mode: the thread
/// waits in <c>recv</c>, the kernel wakes it when bytes arrive, and the link's read loop runs
/// right there; sends are then blocking calls too, because .NET puts a socket into non-blocking
/// mode for good at its first asynchronous operation. Without one, the socket engine's poller
/// thread learns of the bytes and hands the read to the thread pool: a second wake-up per message.
/// </remarks>
internal sealed class SocketConnection : TransportConnection
{
    /// <summary>Smallest buffer the receive pump asks the pipe for.</summary>
    private const int MinimumReceiveBuffer = 16 * 1024;

    /// <summary>Stack of a receive thread: the link's read loop and the actor turns it runs need little.</summary>
    private const int ReceiveThreadStackSize = 256 * 1024;

    /// <summary>The connected socket.</summary>
    private readonly Socket _socket;

    /// <summary>Socket → link.</summary>
    private readonly Pipe _receive;

    /// <summary>Link → socket.</summary>
    private readonly Pipe _send;

    /// <summary>Reused segment list for gather writes (only the send pump touches it).</summary>
    private readonly List<ArraySegment<byte>> _segments = [];

    /// <summary>The budget this connection's receive thread came from; null when it uses the socket engine.</summary>
    private readonly ReceiveThreadBudget? _receiveThread;

    /// <summary>
    /// Closes the socket when a send through the socket engine has waited longer than the stall
    /// timeout (null with a receive thread: blocking sends time out by themselves, SO_SNDTIMEO).
    /// </summary>
    private readonly Timer? _sendStallTimer;

    /// <summary>How long a send may wait for the peer to take data.</summary>
    private readonly TimeSpan _sendStallTimeout;

    /// <summary>Completes when the receive thread ends (unused without one).</summary>
    private readonly TaskCompletionSource _receiveThreadEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the receive pump ends.</summary>
    private Task _receiving = Task.CompletedTask;

    /// <summary>Completes when the send pump ends.</summary>
    private Task _sending = Task.CompletedTask;

    /// <summary>1 once <see cref="Abort"/> ran, so pumps report a reset instead of an orderly close.</summary>
    private int _aborted;

    /// <summary>1 once <see cref="_sendStallTimer"/> fired and closed the socket.</summary>
    private int _sendStalled;

    /// <summary>1 once disposal started.</summary>
    private int _disposed;

    /// <summary>1 once the link stopped reading; the receive pump then discards until the peer closes.</summary>
    private bool _discarding;

    /// <summary>How long a graceful close waits for the peer to close its side before closing the socket.</summary>
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Wraps a connected socket; call <see cref="Start"/> to run the pumps.</summary>
    /// <param name="socket">A connected stream socket.</param>
    /// <param name="options">Buffer limits.</param>
    /// <param name="description">What logs call this connection.</param>
    /// <param name="receiveThread">
    /// The budget a receive thread of its own was taken from (returned when the thread ends); the
    /// socket must then be in blocking mode and never have been used asynchronously. Null: the
    /// socket engine serves the connection.
    /// </param>
    public SocketConnection(Socket socket, TransportOptions options, string description, ReceiveThreadBudget? receiveThread = null)
    {
        _socket = socket;
        _receiveThread = receiveThread;
        _sendStallTimeout = options.SendStallTimeout;
        if (receiveThread is not null)
        {
            _socket.SendTimeout = (int)options.SendStallTimeout.TotalMilliseconds;
        }
        else
        {
            // An asynchronous send to a peer that reads nothing holds no thread, but it would hold
            // the link open for ever; the same timeout as the blocking sends ends it.
            _sendStallTimer = new Timer(static state => ((SocketConnection)state!).SendStalled(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        Description = description;
        RemoteEndPoint = socket.RemoteEndPoint;
        // The link's reader continues inline on the receive pump (one thread hop less per frame);
        // the send pump runs inline after the link's flush for the same reason.
        _receive = new Pipe(InlinePipe(options.ReceiveBufferLimit));
        _send = new Pipe(InlinePipe(options.SendBufferLimit));
    }

    /// <summary>The socket (tests check its options).</summary>
    internal Socket Socket => _socket;

    /// <summary>True when the connection reads on a thread of its own (blocking socket) rather than through the socket engine.</summary>
    internal bool HasReceiveThread => _receiveThread is not null;

    /// <inheritdoc />
    public override PipeReader Input => _receive.Reader;

    /// <inheritdoc />
    public override PipeWriter Output => _send.Writer;

    /// <inheritdoc />
    public override EndPoint? RemoteEndPoint { get; }

    /// <inheritdoc />
    public override string Description { get; }

    /// <summary>Starts the receive and send pumps.</summary>
    public void Start()
    {
        if (_receiveThread is null)
        {
            _receiving = ReceiveLoopAsync();
        }
        else
        {
            var thread = new Thread(static state => ((SocketConnection)state!).ReceiveOnOwnThread(), ReceiveThreadStackSize)
            {
                IsBackground = true,
                Name = "remoteio receive",
            };
            thread.UnsafeStart(this);
            _receiving = _receiveThreadEnded.Task;
        }

        _sending = SendLoopAsync();
    }

    /// <summary>
    /// Connects <paramref name="socket"/>: asynchronously for the socket engine, with a blocking
    /// <c>connect</c> on the thread pool when the connection will have its own receive thread (an
    /// asynchronous connect would leave the socket non-blocking for good). Cancelling closes the socket.
    /// </summary>
    /// <param name="socket">A new stream socket.</param>
    /// <param name="endPoint">Where to connect.</param>
    /// <param name="blocking">True for a connection with its own receive thread.</param>
    /// <param name="cancellationToken">Stops connecting.</param>
    /// <returns>Completes when connected.</returns>
    internal static async ValueTask ConnectAsync(Socket socket, EndPoint endPoint, bool blocking, CancellationToken cancellationToken)
    {
        if (!blocking)
        {
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        using var registration = cancellationToken.Register(static state => ((Socket)state!).Dispose(), socket);
        try
        {
            await Task.Run(() => socket.Connect(endPoint), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is SocketException or ObjectDisposedException)
        {
            throw new OperationCanceledException("the connect was cancelled", ex, cancellationToken);
        }
    }

    /// <inheritdoc />
    public override void Abort()
    {
        if (Interlocked.Exchange(ref _aborted, 1) != 0)
        {
            return;
        }

        try
        {
            // Linger 0 turns close into a reset: the peer learns at once, nothing is drained.
            _socket.LingerState = new LingerOption(true, 0);
        }
        catch (SocketException)
        {
            // already closed by the peer: nothing to reset
        }
        catch (ObjectDisposedException)
        {
            // already disposed
        }

        _socket.Dispose();
        _send.Reader.CancelPendingRead(); // wake the send pump so it ends
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            await _sending.ConfigureAwait(false);
            await _receiving.ConfigureAwait(false);
            return;
        }

        // Let the send pump write what was flushed and send FIN; wait (bounded) for the peer's FIN,
        // because closing a socket with unread input makes the kernel send RST instead, and a
        // reset may destroy our last frames (a Disassociate) before the peer reads them.
        await _send.Writer.CompleteAsync().ConfigureAwait(false);
        await _sending.ConfigureAwait(false);
        try
        {
            await _receiving.WaitAsync(CloseTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // the peer keeps its side open: close anyway
        }

        _socket.Dispose();
        await _receiving.ConfigureAwait(false);
    }

    /// <summary>
    /// The receive pump on its own thread: blocking receives into the pipe until the peer closes or
    /// the connection fails. The link's read loop continues inline on each flush (inline pipe), so
    /// the frames are handled on this thread; a flush that waits for the link to catch up blocks it,
    /// which is backpressure on the peer, as intended.
    /// </summary>
    private void ReceiveOnOwnThread()
    {
        var writer = _receive.Writer;
        Exception? error = null;
        try
        {
            while (true)
            {
                var memory = writer.GetMemory(MinimumReceiveBuffer);
                var received = _socket.Receive(memory.Span, SocketFlags.None);
                if (received == 0)
                {
                    break; // orderly close by the peer
                }

                if (_discarding)
                {
                    continue; // the link is gone; drain so that closing sends FIN, not RST
                }

                writer.Advance(received);
                var flush = writer.FlushAsync();
                _discarding = (flush.IsCompleted ? flush.Result : flush.AsTask().GetAwaiter().GetResult()).IsCompleted;
            }
        }
        catch (Exception ex)
        {
            // A fault on this thread must end the connection, never the process.
            error = ReceiveError(ex);
        }
        finally
        {
            writer.Complete(error);
            _receiveThread!.Return();
            _receiveThreadEnded.TrySetResult();
        }
    }

    /// <summary>What the link is told when the receive pump fails with <paramref name="ex"/>; null for an orderly end.</summary>
    private TransportException? ReceiveError(Exception ex) => ex switch
    {
        SocketException socket => Volatile.Read(ref _aborted) != 0 ? LocalAbort() : new TransportException($"{Description}: connection {Describe(socket.SocketErrorCode)}", socket),
        ObjectDisposedException => Volatile.Read(ref _aborted) != 0 ? LocalAbort() : null,
        _ => new TransportException($"{Description}: receive failed: {ex.Message}", ex),
    };

    /// <summary>Copies from the socket into the receive pipe until the peer closes or the connection fails.</summary>
    private async Task ReceiveLoopAsync()
    {
        var writer = _receive.Writer;
        Exception? error = null;
        try
        {
            while (true)
            {
                var memory = writer.GetMemory(MinimumReceiveBuffer);
                var received = await _socket.ReceiveAsync(memory, SocketFlags.None).ConfigureAwait(false);
                if (received == 0)
                {
                    break; // orderly close by the peer
                }

                if (_discarding)
                {
                    continue; // the link is gone; drain so that closing sends FIN, not RST
                }

                writer.Advance(received);
                var flush = await writer.FlushAsync().ConfigureAwait(false);
                _discarding = flush.IsCompleted;
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            error = ReceiveError(ex);
        }

        await writer.CompleteAsync(error).ConfigureAwait(false);
    }

    /// <summary>Copies from the send pipe to the socket, one gather write per read, until the link completes it.</summary>
    private async Task SendLoopAsync()
    {
        var reader = _send.Reader;
        Exception? error = null;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                if (!buffer.IsEmpty)
                {
                    if (_sendStallTimer is null)
                    {
                        SendBlocking(buffer);
                    }
                    else
                    {
                        await SendThroughEngineAsync(buffer, _sendStallTimer).ConfigureAwait(false);
                    }
                }

                reader.AdvanceTo(buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    break;
                }
            }

            // Tell the peer we are done sending (FIN); it reads to the end of our data first.
            _socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (IsSendStall(ex))
        {
            error = new TransportException($"{Description}: send failed, the peer took no data for {_sendStallTimeout.TotalMilliseconds:F0} ms (send stall timeout)", ex);
        }
        catch (SocketException ex)
        {
            error = new TransportException($"{Description}: send failed, connection {Describe(ex.SocketErrorCode)}", ex);
        }
        catch (ObjectDisposedException)
        {
            error = LocalAbort();
        }

        // A failed send must also end the receiving side, or the link would wait for input forever.
        if (error is not null)
        {
            _socket.Dispose();
        }

        _sendStallTimer?.Dispose();

        await reader.CompleteAsync(error).ConfigureAwait(false);
    }

    /// <summary>Sends <paramref name="buffer"/> through the socket engine (one gather write), with <paramref name="stallTimer"/> armed while it waits.</summary>
    private async ValueTask SendThroughEngineAsync(ReadOnlySequence<byte> buffer, Timer stallTimer)
    {
        stallTimer.Change(_sendStallTimeout, Timeout.InfiniteTimeSpan);
        try
        {
            if (buffer.IsSingleSegment)
            {
                await _socket.SendAsync(buffer.First, SocketFlags.None).ConfigureAwait(false);
                return;
            }

            await _socket.SendAsync(Gather(buffer), SocketFlags.None).ConfigureAwait(false);
        }
        finally
        {
            stallTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The stall timer fired: closing the socket ends the waiting send (and the connection).</summary>
    private void SendStalled()
    {
        Volatile.Write(ref _sendStalled, 1);
        _socket.Dispose();
    }

    /// <summary>True when <paramref name="ex"/> ended a send because the peer took no data for the stall timeout.</summary>
    private bool IsSendStall(Exception ex) => _sendStallTimer is null
        ? ex is SocketException { SocketErrorCode: SocketError.TimedOut }
        : Volatile.Read(ref _sendStalled) != 0 && ex is SocketException or ObjectDisposedException;

    /// <summary>Sends <paramref name="buffer"/> whole with blocking calls (one gather write, then the rest of a partial send).</summary>
    private void SendBlocking(in ReadOnlySequence<byte> buffer)
    {
        if (buffer.IsSingleSegment)
        {
            SendAll(buffer.FirstSpan);
            return;
        }

        var sent = _socket.Send(Gather(buffer), SocketFlags.None);
        foreach (var rest in buffer.Slice(sent))
        {
            SendAll(rest.Span);
        }
    }

    /// <summary>The reused segment list for one gather write, filled with <paramref name="buffer"/>'s segments.</summary>
    private List<ArraySegment<byte>> Gather(in ReadOnlySequence<byte> buffer)
    {
        _segments.Clear();
        foreach (var segment in buffer)
        {
            _segments.Add(AsArraySegment(segment));
        }

        return _segments;
    }

    /// <summary>Sends <paramref name="bytes"/> whole with blocking calls.</summary>
    private void SendAll(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            bytes = bytes[_socket.Send(bytes, SocketFlags.None)..];
        }
    }

    /// <summary>Options of a pipe whose continuations run inline, pausing its writer at <paramref name="limit"/> bytes.</summary>
    private static PipeOptions InlinePipe(long limit) => new(
        readerScheduler: PipeScheduler.Inline,
        writerScheduler: PipeScheduler.Inline,
        pauseWriterThreshold: limit,
        resumeWriterThreshold: limit / 2,
        useSynchronizationContext: false);

    /// <summary>The error reported to the link after this side aborted.</summary>
    private TransportException LocalAbort() => new($"{Description}: connection aborted locally");

    /// <summary>The pipe's pooled memory is array-backed; the gather write needs array segments.</summary>
    private static ArraySegment<byte> AsArraySegment(ReadOnlyMemory<byte> memory) =>
        MemoryMarshal.TryGetArray(memory, out var segment)
            ? segment
            : new ArraySegment<byte>(memory.ToArray());

    /// <summary>Human words for the socket errors a link sees.</summary>
    private static string Describe(SocketError error) => error switch
    {
        SocketError.ConnectionReset => "reset by peer",
        SocketError.ConnectionAborted => "aborted",
        SocketError.Shutdown => "shut down",
        SocketError.TimedOut => "timed out",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable => "lost: peer unreachable",
        _ => $"failed ({error})",
    };
}
