using System.IO.Pipelines;

namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>
/// The sending side of one pigpio connection. Replies and notification reports come from different
/// tasks, so every write takes a turn; each reply is written and flushed on its own, so it leaves
/// in a single send as pigpio clients expect (they read a reply with one 16-byte <c>recv</c>).
/// </summary>
internal sealed class PigpioOutput(PipeWriter writer) : IPigpioReportSink, IDisposable
{
    /// <summary>One writer at a time.</summary>
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Cancelled when the connection ends, so a report write to a client that stopped reading cannot hold the connection open.</summary>
    private readonly CancellationTokenSource _closing = new();

    /// <summary>Writes the reply to <paramref name="request"/>.</summary>
    /// <param name="request">The request answered.</param>
    /// <param name="result">The value or error code.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async ValueTask WriteReplyAsync(PigpioRequest request, int result, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            PigpioWire.WriteReply(writer.GetSpan(PigpioWire.ReplySize), request, result);
            writer.Advance(PigpioWire.ReplySize);
            await writer.FlushAsync(cancellationToken);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> reports, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token);
        await _turn.WaitAsync(linked.Token);
        try
        {
            await writer.WriteAsync(reports, linked.Token);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>The connection is ending: report writes in progress or to come are cancelled.</summary>
    public void Close() => _closing.Cancel();

    /// <inheritdoc />
    public void Dispose()
    {
        _turn.Dispose();
        _closing.Dispose();
    }
}
