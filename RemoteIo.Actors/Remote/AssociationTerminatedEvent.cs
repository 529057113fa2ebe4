namespace RemoteIo.Actors.Remote;

/// <summary>
/// Published on the event stream when an association ended for good (link declared dead, closed,
/// disassociated, or replaced by a new incarnation). Every watcher of one of its remote actors
/// has been sent <c>Terminated(ref, existenceConfirmed: false, addressTerminated: true)</c>.
/// </summary>
/// <param name="Association">Who was at the other end.</param>
/// <param name="Reason">Why it ended.</param>
public sealed record AssociationTerminatedEvent(AssociationInfo Association, string Reason);
