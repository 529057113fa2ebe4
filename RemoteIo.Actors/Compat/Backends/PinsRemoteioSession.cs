using RemoteIo.Actors.Compat.RemoteioText;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Compat.Backends;

/// <summary>
/// One remoteio connection as a pins session: <c>create</c> claims the pin as an output, every other
/// command is one pin command in the session's mode, answered as soon as the pins accept (queue) or
/// refuse it — wait/nowait, impulses and the soft close are the pin domain's, exactly as for native
/// clients. Closing the connection soft-closes the session.
/// </summary>
/// <param name="client">The connection's reference (its session key).</param>
/// <param name="name">The session's name in the host's logs and states.</param>
/// <param name="mode">The session's mode.</param>
internal sealed class PinsRemoteioSession(PinsClient client, string name, Mode mode) : IRemoteioSession
{
    /// <summary>Microseconds per second, for blink and pulse times given in seconds.</summary>
    private const double MicrosecondsPerSecond = 1_000_000;

    /// <summary>True once the session was opened with its name and mode.</summary>
    private bool _opened;

    /// <inheritdoc />
    public async ValueTask<RemoteioOutcome> CreateAsync(RemoteioPin pin, CancellationToken cancellationToken)
    {
        if (!_opened)
        {
            client.OpenSession(name, mode);
            _opened = true;
        }

        return await client.ClaimAsync(RefOf(pin), ClaimRole.Output) switch
        {
            PinClaimed => RemoteioOutcome.Accepted,
            RequestRejected rejected => RemoteioOutcome.Refused(CreateRefusal(rejected.Reason), rejected.Message),
            var other => RemoteioOutcome.Refused(RemoteioOutcomeKind.Unavailable, $"the pins answered a claim with a {other.GetType().Name}"),
        };
    }

    /// <inheritdoc />
    public async ValueTask<RemoteioOutcome> SubmitAsync(RemoteioRequest request, CancellationToken cancellationToken)
    {
        var outcome = await client.CommandAsync(CommandOf(request));
        return outcome.Kind == OutcomeKind.Rejected
            ? RemoteioOutcome.Refused(CommandRefusal(outcome.Reason), outcome.Message)
            : RemoteioOutcome.Accepted;
    }

    /// <inheritdoc />
    public ValueTask CloseAsync(CancellationToken cancellationToken)
    {
        if (_opened)
        {
            client.CloseSession();
        }

        client.Stop();
        return ValueTask.CompletedTask;
    }

    /// <summary>The pins' reference of a remoteio pin (the numbering travels with it: board 7 and GPIO 4 are one pin to the host).</summary>
    private static PinRef RefOf(RemoteioPin pin) => new()
    {
        Numbering = pin.Numbering == RemoteioNumbering.Board ? Numbering.Board : Numbering.Gpio,
        Number = (uint)pin.Number,
    };

    /// <summary>The pin command of a remoteio request (times in seconds become microseconds; 0 keeps the 1 s default).</summary>
    private static PinCommand CommandOf(RemoteioRequest request)
    {
        var command = new PinCommand
        {
            Pin = RefOf(request.Pin),
            DurationUs = (ulong)Math.Round(request.Duration.TotalMicroseconds),
        };
        switch (request.Command)
        {
            case RemoteioCommand.On:
                command.On = new On();
                break;
            case RemoteioCommand.Off:
                command.Off = new Off();
                break;
            case RemoteioCommand.Blink:
                command.Blink = new Blink { OnTimeUs = Microseconds(request.Arg1), OffTimeUs = Microseconds(request.Arg2) };
                break;
            case RemoteioCommand.Pulse:
                command.Pulse = new Pulse { FadeInUs = Microseconds(request.Arg1), FadeOutUs = Microseconds(request.Arg2) };
                break;
            case RemoteioCommand.Value:
                command.Value = new Value { Level = request.Arg1 };
                break;
            default:
                command.Close = new Close();
                break;
        }

        return command;
    }

    /// <summary>Seconds (already checked not negative) as microseconds, saturating (the pins refuse what exceeds their maximum, saying so).</summary>
    private static ulong Microseconds(double seconds) => (ulong)Math.Min(Math.Round(seconds * MicrosecondsPerSecond), long.MaxValue);

    /// <summary>Why a create was refused, in remoteio's terms.</summary>
    private static RemoteioOutcomeKind CreateRefusal(RejectReason reason) => reason switch
    {
        RejectReason.Busy => RemoteioOutcomeKind.Busy,
        RejectReason.Duplicate => RemoteioOutcomeKind.Duplicate,
        RejectReason.NotAGpio => RemoteioOutcomeKind.NotAGpio,
        RejectReason.InvalidArgument => RemoteioOutcomeKind.InvalidArgument,
        _ => RemoteioOutcomeKind.Unavailable,
    };

    /// <summary>Why a command was refused, in remoteio's terms: a pin this connection does not hold is "ignored", as remoteio answers.</summary>
    private static RemoteioOutcomeKind CommandRefusal(RejectReason reason) => reason switch
    {
        RejectReason.PinClosed => RemoteioOutcomeKind.Closed,
        RejectReason.NotClaimed or RejectReason.NotAGpio => RemoteioOutcomeKind.NotCreated,
        RejectReason.InvalidArgument => RemoteioOutcomeKind.InvalidArgument,
        RejectReason.Busy or RejectReason.PinBusyNow => RemoteioOutcomeKind.Busy,
        _ => RemoteioOutcomeKind.Unavailable,
    };
}
