using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Pins;

/// <summary>
/// One command's life on a pin: the request, its resolved policy, who to answer, and its state.
/// Created by the supervisor per command and owned by the pin actor from then on (it travels
/// inside the message, so a stashed, unstashed or restarted actor sees the same ticket and never
/// answers a command twice).
/// </summary>
internal sealed class CommandTicket
{
    /// <summary>Creates a ticket.</summary>
    /// <param name="command">The validated command.</param>
    /// <param name="policy">Queue, replace or reject-if-busy (never session default).</param>
    /// <param name="sessionId">The session that sent it.</param>
    /// <param name="durationNanoseconds">Its duration (0: until the next command).</param>
    /// <param name="replyTo">Where its outcomes go: the command's sender.</param>
    public CommandTicket(PinCommand command, CommandPolicy policy, string sessionId, long durationNanoseconds, IActorRef replyTo)
    {
        Command = command;
        ReplyTo = replyTo;
        Policy = policy;
        SessionId = sessionId;
        DurationNanoseconds = durationNanoseconds;
    }

    /// <summary>The command as the client sent it.</summary>
    public PinCommand Command { get; }

    /// <summary>The client's id for it, echoed by every outcome.</summary>
    public ulong CommandId => Command.CommandId;

    /// <summary>What it does.</summary>
    public PinCommand.ActionOneofCase Action => Command.ActionCase;

    /// <summary>How it interacts with the pin's running and queued work.</summary>
    public CommandPolicy Policy { get; }

    /// <summary>The session that sent it.</summary>
    public string SessionId { get; }

    /// <summary>Its duration in nanoseconds; 0 holds until the next command.</summary>
    public long DurationNanoseconds { get; }

    /// <summary>True for the soft close of the pin.</summary>
    public bool IsClose => Action == PinCommand.ActionOneofCase.Close;

    /// <summary>True when it keeps the pin busy for its duration (wait mode queues behind it).</summary>
    public bool Timed => !IsClose && DurationNanoseconds > 0;

    /// <summary>The action's name as users write it ("on", "blink", ...).</summary>
    public string ActionName => Action.ToString().ToLowerInvariant();

    /// <summary>Where it is in its life.</summary>
    public TicketState State { get; set; }

    /// <summary>Where outcomes go: the command's sender.</summary>
    public IActorRef ReplyTo { get; }

    /// <summary>True once it waited behind other work (it then starts where that work ended).</summary>
    public bool WasQueued { get; set; }

    /// <summary>Its token at the edge scheduler (0 before it is handed over).</summary>
    public long Token { get; set; }

    /// <summary>When it started (or is due to start), in scheduler nanoseconds.</summary>
    public long StartNanoseconds { get; set; }

    /// <summary>When it ends as planned (after any max-on-time cut); <c>Waveform.NoEnd</c> when it holds.</summary>
    public long EndNanoseconds { get; set; }

    /// <summary>The level its waveform leaves when it ends (low, or the safe level after a max-on-time cut).</summary>
    public PinValue FinalLevel { get; set; }

    /// <summary>True when its waveform runs on the pin's hardware PWM channel rather than the edge scheduler.</summary>
    public bool Hardware { get; set; }

    /// <summary>True when it can drive the pin high (on, blink, pulse, servo, value above 0).</summary>
    public bool Energising { get; set; }

    /// <summary>When the energised stretch it belongs to began (for the max-on-time interlock); -1 when not energising.</summary>
    public long EnergisedSinceNanoseconds { get; set; } = -1;

    /// <summary>True when the max-on-time interlock shortened it: its end is reported as interrupted.</summary>
    public bool CutByMaxOnTime { get; set; }

    /// <summary>Why this actor itself ended it (replaced, cut at shutdown), for the outcome's message; null when it ended by itself.</summary>
    public string? EndCause { get; set; }

    /// <summary>True when a shutdown cut ended it: even without a duration it ends interrupted, with <see cref="RejectReason.ShuttingDown"/>.</summary>
    public bool CutAtShutdown { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{ActionName} #{CommandId}";
}
