namespace RemoteIo.Actors.Remote;

/// <summary>
/// Published on the event stream when an association is established, or resumed on a new link
/// within the grace period (then <paramref name="Resumed"/> is true and nothing was lost).
/// </summary>
/// <param name="Association">Who is at the other end.</param>
/// <param name="Resumed">True when an existing association got a new link.</param>
public sealed record AssociatedEvent(AssociationInfo Association, bool Resumed);
