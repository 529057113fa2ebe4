using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Pins;

/// <summary>Builds the replies of pins.proto.</summary>
internal static class Outcomes
{
    /// <summary>A command outcome.</summary>
    /// <param name="commandId">The command's id.</param>
    /// <param name="gpio">The pin.</param>
    /// <param name="kind">What became of it.</param>
    /// <param name="startedAt">ACCEPTED: when accepted; otherwise when it started (0: never).</param>
    /// <param name="endedAt">When it ended (COMPLETED, INTERRUPTED).</param>
    /// <param name="message">Why, for anything but a plain completion.</param>
    /// <param name="reason">The reason of a rejection.</param>
    /// <returns>The outcome.</returns>
    public static CommandOutcome Command(ulong commandId, int gpio, OutcomeKind kind, long startedAt = 0, long endedAt = 0, string message = "", RejectReason reason = RejectReason.Unspecified) => new()
    {
        CommandId = commandId,
        Gpio = (uint)gpio,
        Kind = kind,
        StartedAtNs = startedAt,
        EndedAtNs = endedAt,
        Message = message,
        Reason = reason,
    };

    /// <summary>A command rejected on arrival or after acceptance.</summary>
    /// <param name="commandId">The command's id.</param>
    /// <param name="gpio">The pin (0 when it did not resolve).</param>
    /// <param name="reason">Why.</param>
    /// <param name="message">The message users see.</param>
    /// <returns>The outcome.</returns>
    public static CommandOutcome CommandRejected(ulong commandId, int gpio, RejectReason reason, string message) =>
        Command(commandId, gpio, OutcomeKind.Rejected, message: message, reason: reason);

    /// <summary>A refused request (claim, observe, read, ...).</summary>
    /// <param name="requestId">The request's id.</param>
    /// <param name="reason">Why.</param>
    /// <param name="message">The message users see, naming the pin.</param>
    /// <returns>The rejection.</returns>
    public static RequestRejected Request(ulong requestId, RejectReason reason, string message) => new()
    {
        RequestId = requestId,
        Reason = reason,
        Message = message,
    };

    /// <summary>A notice to a pin's owner.</summary>
    /// <param name="gpio">The pin.</param>
    /// <param name="kind">What happened.</param>
    /// <param name="message">Details.</param>
    /// <param name="at">When.</param>
    /// <returns>The notice.</returns>
    public static PinNotice Notice(int gpio, PinNotice.Types.Kind kind, string message, long at) => new()
    {
        Gpio = (uint)gpio,
        Kind = kind,
        Message = message,
        AtNs = at,
    };
}
