using System.IO.Pipelines;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;

namespace RemoteIo.Actors.Compat.RemoteioText;

/// <summary>
/// One remoteio client connection: frames requests however the bytes arrive, answers each in order
/// with one reply (<c>!</c> accepted, <c>?</c> refused with the reason), keeps going after a bad
/// request, and when the client leaves soft-closes its session (queued work finishes, then the pins
/// go safe and are released).
/// </summary>
internal sealed class RemoteioConnection(IRemoteioBackend backend, RemoteioTextOptions options, ILogger logger, IPEndPoint? client)
{
    /// <summary>Serves the connection until the client leaves, the transport fails or <paramref name="cancellationToken"/> fires. Never throws.</summary>
    public Task RunAsync(IDuplexPipe transport, CancellationToken cancellationToken)
    {
        if (CompatConnection.TryOpen(() => backend.OpenSession(client), "remoteio", logger, client) is not { } session)
        {
            return Task.CompletedTask;
        }

        return CompatConnection.RunAsync(
            "remoteio",
            logger,
            client,
            () => ServeAsync(session, transport, cancellationToken),
            () => session.CloseAsync(CancellationToken.None),
            cancellationToken);
    }

    /// <summary>The request loop.</summary>
    private async Task ServeAsync(IRemoteioSession session, IDuplexPipe transport, CancellationToken cancellationToken)
    {
        var input = transport.Input;
        while (true)
        {
            var read = await input.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            try
            {
                while (RemoteioParser.TryTake(ref buffer, options.MaxRequestBytes, out var parsed))
                {
                    if (parsed.Error is { } error)
                    {
                        await SendAsync(transport.Output, RemoteioReplies.Refused(error), cancellationToken);
                    }
                    else
                    {
                        await ExecuteAsync(session, parsed.Request, transport.Output, cancellationToken);
                    }
                }
            }
            finally
            {
                input.AdvanceTo(buffer.Start, buffer.End);
            }

            if (read.IsCompleted)
            {
                return;
            }
        }
    }

    /// <summary>Runs one request against the session and sends remoteio's reply.</summary>
    private async Task ExecuteAsync(IRemoteioSession session, RemoteioRequest request, PipeWriter output, CancellationToken cancellationToken)
    {
        RemoteioOutcome outcome;
        try
        {
            outcome = request.Command == RemoteioCommand.Create
                ? await session.CreateAsync(request.Pin, cancellationToken)
                : await session.SubmitAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.RemoteioBackendFailed(ex, RemoteioParser.NameOf(request.Command), request.Pin.ToString());
            outcome = RemoteioOutcome.Refused(RemoteioOutcomeKind.Unavailable, "the host could not take the command");
        }

        if (request.Command == RemoteioCommand.Create)
        {
            await (outcome.IsAccepted
                ? SendAsync(output, RemoteioReplies.Created, cancellationToken)
                : SendAsync(output, RemoteioReplies.CreateFailed(request.Pin, outcome), cancellationToken));
            return;
        }

        await (outcome.Kind switch
        {
            RemoteioOutcomeKind.Accepted => SendAsync(output, RemoteioReplies.Queued, cancellationToken),
            RemoteioOutcomeKind.NotCreated or RemoteioOutcomeKind.Closed => SendAsync(output, RemoteioReplies.CommandIgnored(request.Command), cancellationToken),
            _ => SendAsync(output, RemoteioReplies.CommandRefused(request, outcome), cancellationToken),
        });
    }

    /// <summary>Sends a reply in one write.</summary>
    private static async Task SendAsync(PipeWriter output, ReadOnlyMemory<byte> reply, CancellationToken cancellationToken) =>
        await output.WriteAsync(reply, cancellationToken);

    /// <summary>Sends a reply composed at run time (refusals only).</summary>
    private static Task SendAsync(PipeWriter output, string reply, CancellationToken cancellationToken) =>
        SendAsync(output, Encoding.UTF8.GetBytes(reply), cancellationToken);
}
