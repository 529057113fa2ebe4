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
        await _turn.WaitAsync(cancellationToken);
        try
        {
            await writer.WriteAsync(reports, cancellationToken);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _turn.Dispose();
}
