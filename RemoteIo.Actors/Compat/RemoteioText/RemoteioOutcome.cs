namespace RemoteIo.Actors.Compat.RemoteioText;

/// <summary>A backend's answer to a create or command: the kind and, when refused, a message naming the pin and the reason.</summary>
/// <param name="Kind">Accepted or why not.</param>
/// <param name="Message">For a refusal: e.g. "GPIO 4 (board pin 7) is busy: claimed by another session".</param>
public readonly record struct RemoteioOutcome(RemoteioOutcomeKind Kind, string? Message = null)
{
    /// <summary>Claimed or queued.</summary>
    public static RemoteioOutcome Accepted { get; } = new(RemoteioOutcomeKind.Accepted);

    /// <summary>True when claimed or queued.</summary>
    public bool IsAccepted => Kind == RemoteioOutcomeKind.Accepted;

    /// <summary>A refusal.</summary>
    /// <param name="kind">Why (not <see cref="RemoteioOutcomeKind.Accepted"/>).</param>
    /// <param name="message">Names the pin and the reason.</param>
    public static RemoteioOutcome Refused(RemoteioOutcomeKind kind, string message) => new(kind, message);
}
