using RemoteIo.Actors.Protocol;

namespace RemoteIo.ClientNode;

/// <summary>
/// One command sent to a pin: <see cref="Accepted"/> completes when the host accepted it (queued
/// or started; in wait mode it will run even if this client disconnects now), and
/// <see cref="Completion"/> when it ended (completed, interrupted or superseded). Both fault with
/// a <see cref="RequestRejectedException"/> (<see cref="PinClosedException"/>,
/// <see cref="PinBusyException"/>) when the host refused it, or a
/// <see cref="ConnectionLostException"/> when the link died first.
/// </summary>
/// <remarks>
/// The handle itself is deliberately not awaitable, so a fire-and-forget <c>pin.On()</c> draws no
/// compiler warning; await <see cref="Accepted"/> or <see cref="Completion"/> when you want to. A
/// failure nobody awaits is marked observed, so it never surfaces as an unobserved task exception.
/// Continuations run on the thread pool, never on the client node's actor thread.
/// </remarks>
public sealed class CommandHandle
{
    /// <summary>Completed on ACCEPTED.</summary>
    private readonly TaskCompletionSource _accepted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed on the final outcome.</summary>
    private readonly TaskCompletionSource<CommandResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates the handle of a command about to be sent.</summary>
    /// <param name="id">The command id.</param>
    /// <param name="gpio">The pin.</param>
    /// <param name="action">The action's name (on, off, blink, ...).</param>
    internal CommandHandle(ulong id, int gpio, string action)
    {
        Id = id;
        Gpio = gpio;
        Action = action;
    }

    /// <summary>The command's id within the session (echoed by the host's outcomes).</summary>
    public ulong Id { get; }

    /// <summary>The pin's GPIO number.</summary>
    public int Gpio { get; }

    /// <summary>The action: on, off, blink, pulse, value, servo or close.</summary>
    public string Action { get; }

    /// <summary>Completes when the host accepted the command.</summary>
    public Task Accepted => _accepted.Task;

    /// <summary>Completes with the command's end once it ran (or was interrupted or superseded).</summary>
    public Task<CommandResult> Completion => _completion.Task;

    /// <inheritdoc />
    public override string ToString() => $"{Action} #{Id} on GPIO {Gpio}";

    /// <summary>Applies an outcome from the host.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>True when it was the final one.</returns>
    internal bool OnOutcome(CommandOutcome outcome)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Accepted:
                _accepted.TrySetResult();
                return false;
            case OutcomeKind.Rejected:
                Fail(RequestRejectedException.For(outcome.Reason, outcome.Message, $"{Action} on GPIO {Gpio}"));
                return true;
            case OutcomeKind.Completed or OutcomeKind.Interrupted or OutcomeKind.Superseded:
                _accepted.TrySetResult();
                var end = outcome.Kind switch
                {
                    OutcomeKind.Completed => CommandEnd.Completed,
                    OutcomeKind.Interrupted => CommandEnd.Interrupted,
                    _ => CommandEnd.Superseded,
                };
                _completion.TrySetResult(new CommandResult(Id, Gpio, end, outcome.StartedAtNs, outcome.EndedAtNs, outcome.Message));
                return true;
            default:
                return false;
        }
    }

    /// <summary>Fails both tasks that are still open, marking the failure observed (fire-and-forget must not raise UnobservedTaskException).</summary>
    /// <param name="error">Why.</param>
    internal void Fail(Exception error)
    {
        if (_accepted.TrySetException(error))
        {
            _ = _accepted.Task.Exception;
        }

        if (_completion.TrySetException(error))
        {
            _ = _completion.Task.Exception;
        }
    }
}
