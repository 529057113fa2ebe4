namespace RemoteIo.Actors.Remote;

/// <summary>
/// Published on the event stream when an association lost its link but may still be resumed
/// (resume grace period): remote actors are not terminated yet and messages to them queue.
/// </summary>
/// <param name="Association">Who is at the other end.</param>
/// <param name="Reason">Why the link was lost.</param>
public sealed record AssociationLostEvent(AssociationInfo Association, string Reason);
