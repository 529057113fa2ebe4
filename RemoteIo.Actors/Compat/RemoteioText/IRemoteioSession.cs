namespace RemoteIo.Actors.Compat.RemoteioText;

/// <summary>
/// The pins of one remoteio client connection. Calls come one at a time, in the order the client
/// sent them, and answer as soon as the command is accepted (queued) or refused — not when it has
/// run: wait/nowait timing, impulses and soft close are the host's business.
/// </summary>
public interface IRemoteioSession
{
    /// <summary>Claims a pin for this session (remoteio's <c>create</c>).</summary>
    /// <param name="pin">The pin as the client named it.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Accepted, or Busy / Duplicate / NotAGpio / Unavailable with a message.</returns>
    ValueTask<RemoteioOutcome> CreateAsync(RemoteioPin pin, CancellationToken cancellationToken);

    /// <summary>Queues a command (on, off, blink, pulse, value, close) for a pin this session created.</summary>
    /// <param name="request">The command, its pin, duration and arguments (already range-checked).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Accepted, NotCreated / Closed (the client is told the command was ignored), or another refusal.</returns>
    ValueTask<RemoteioOutcome> SubmitAsync(RemoteioRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Ends the session (the client disconnected or the endpoint stops): soft close of every pin —
    /// what is queued still runs (wait mode), then each pin goes to its safe state and is released.
    /// Called exactly once; no other call follows it.
    /// </summary>
    /// <param name="cancellationToken">Cancels waiting for the close (the close itself still happens).</param>
    ValueTask CloseAsync(CancellationToken cancellationToken);
}
