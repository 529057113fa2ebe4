using System.Buffers;
using System.IO.Pipelines;

namespace RemoteIo.Actors.Compat.Tests.Support;

/// <summary>
/// One in-memory connection to a protocol engine: the test writes the client's bytes and reads the
/// server's. Reads wait at most <see cref="Patience"/> so a missing reply fails the test instead of
/// hanging it (a safety net, not a synchronisation).
/// </summary>
public sealed class PipeConnection : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Pipe _toServer = new();
    private readonly Pipe _fromServer = new();
    private readonly CancellationTokenSource _stop = new();

    public PipeConnection(ICompatProtocolServer server)
    {
        // On the thread pool, away from the test framework's synchronisation context, as a socket loop runs.
        Serving = Task.Run(() => RunAsync(server));
    }

    /// <summary>Completes when the server has finished with the connection (session closed).</summary>
    public Task Serving { get; }

    public async Task SendAsync(ReadOnlyMemory<byte> bytes)
    {
        await _toServer.Writer.WriteAsync(bytes);
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes from the server.</summary>
    public async Task<byte[]> ReceiveAsync(int count)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            ReadResult read;
            try
            {
                read = await _fromServer.Reader.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"the server sent nothing more within {Patience} (wanted {count} bytes)");
            }

            if (read.Buffer.Length >= count)
            {
                var bytes = read.Buffer.Slice(0, count).ToArray();
                _fromServer.Reader.AdvanceTo(read.Buffer.GetPosition(count));
                return bytes;
            }

            if (read.IsCompleted)
            {
                _fromServer.Reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                throw new EndOfStreamException($"the server closed the connection after {read.Buffer.Length} of {count} bytes");
            }

            _fromServer.Reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    /// <summary>Everything the server sends until it closes the connection.</summary>
    public async Task<byte[]> ReceiveToEndAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var read = await _fromServer.Reader.ReadAsync(timeout.Token);
            if (read.IsCompleted)
            {
                var bytes = read.Buffer.ToArray();
                _fromServer.Reader.AdvanceTo(read.Buffer.End);
                return bytes;
            }

            _fromServer.Reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    /// <summary>The client closes its side (EOF) and waits until the server is done.</summary>
    public async Task CloseAsync()
    {
        await _toServer.Writer.CompleteAsync();
        await Serving.WaitAsync(Patience);
    }

    /// <summary>The endpoint stops (cancellation) and the test waits until the server is done.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Serving.WaitAsync(Patience);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _toServer.Writer.CompleteAsync();
        try
        {
            await Serving.WaitAsync(Patience);
        }
        finally
        {
            _stop.Dispose();
        }
    }

    private async Task RunAsync(ICompatProtocolServer server)
    {
        try
        {
            await server.ServeAsync(new DuplexPipe(_toServer.Reader, _fromServer.Writer), null, _stop.Token);
        }
        finally
        {
            await _fromServer.Writer.CompleteAsync();
            await _toServer.Reader.CompleteAsync();
        }
    }
}
