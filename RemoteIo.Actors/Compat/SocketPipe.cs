using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;

namespace RemoteIo.Actors.Compat;

/// <summary>
/// Connects a socket to a pair of pipes: one loop receives into the input pipe, one sends what the
/// engine writes to the output pipe. Unlike <c>PipeReader.Create(NetworkStream)</c> it allocates
/// nothing per request (socket operations on <see cref="Memory{T}"/> reuse their awaitables, and no
/// cancellation token is registered per call), and each flush of the engine leaves in one send
/// when it fits the send buffer. Stop it by completing the engine's side of the pipes.
/// </summary>
internal sealed class SocketPipe : IDuplexPipe
{
    /// <summary>Bytes asked of the input pipe per receive.</summary>
    private const int ReceiveSize = 4096;

    /// <summary>The largest single send; larger backlogs (a client that stopped reading) go in several.</summary>
    private const int SendBufferSize = 64 * 1024;

    /// <summary>
    /// Readers resume inline on the thread that flushed (the engine on the receive loop's thread, the
    /// send loop on the engine's), so a request costs no thread hops; no synchronisation context.
    /// </summary>
    private static readonly PipeOptions Options = new(readerScheduler: PipeScheduler.Inline, useSynchronizationContext: false);

    /// <summary>The connection.</summary>
    private readonly Socket _socket;

    /// <summary>Socket → engine.</summary>
    private readonly Pipe _input = new(Options);

    /// <summary>Engine → socket.</summary>
    private readonly Pipe _output = new(Options);

    /// <summary>Wraps <paramref name="socket"/>; call <see cref="RunAsync"/> to move bytes.</summary>
    public SocketPipe(Socket socket) => _socket = socket;

    /// <summary>What the engine reads: the client's bytes.</summary>
    public PipeReader Input => _input.Reader;

    /// <summary>What the engine writes: bytes for the client.</summary>
    public PipeWriter Output => _output.Writer;

    /// <summary>Moves bytes both ways until the engine completes its output (then sends what is left and closes) or the client closes.</summary>
    public async Task RunAsync()
    {
        var receiving = ReceiveAsync();
        await SendAsync();
        // The engine is done: stop receiving too.
        _socket.Dispose();
        await receiving;
    }

    /// <summary>Receives into the input pipe until the client closes, the socket fails or the engine stops reading.</summary>
    private async Task ReceiveAsync()
    {
        var writer = _input.Writer;
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(writer.GetMemory(ReceiveSize), SocketFlags.None);
                if (received == 0)
                {
                    break;
                }

                writer.Advance(received);
                var flushed = await writer.FlushAsync();
                if (flushed.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The client went away or the connection is being closed: the engine sees the end of input.
        }
        finally
        {
            await writer.CompleteAsync();
        }
    }

    /// <summary>Sends what the engine writes until it completes its output or the socket fails.</summary>
    private async Task SendAsync()
    {
        var reader = _output.Reader;
        var buffer = ArrayPool<byte>.Shared.Rent(SendBufferSize);
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync();
                var pending = read.Buffer;
                while (!pending.IsEmpty)
                {
                    var chunk = pending.IsSingleSegment ? pending.First : Gather(pending, buffer);
                    await SendAllAsync(chunk);
                    pending = pending.Slice(chunk.Length);
                }

                reader.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted)
                {
                    break;
                }
            }

            _socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The client went away; the engine's next write completes against a closed pipe.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            await reader.CompleteAsync();
        }
    }

    /// <summary>Copies the start of a multi-segment backlog into one buffer, so it leaves in one send.</summary>
    private static ReadOnlyMemory<byte> Gather(ReadOnlySequence<byte> pending, byte[] buffer)
    {
        var length = (int)Math.Min(pending.Length, buffer.Length);
        pending.Slice(0, length).CopyTo(buffer);
        return buffer.AsMemory(0, length);
    }

    /// <summary>Sends all of <paramref name="bytes"/>.</summary>
    private async ValueTask SendAllAsync(ReadOnlyMemory<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            bytes = bytes[await _socket.SendAsync(bytes, SocketFlags.None)..];
        }
    }
}
