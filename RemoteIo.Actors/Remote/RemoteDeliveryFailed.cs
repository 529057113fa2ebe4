namespace RemoteIo.Actors.Remote;

/// <summary>
/// Published on the event stream when a message to a remote actor was not delivered (besides
/// the warning log and the <c>DeadLetter</c>), so applications can count and react.
/// </summary>
/// <param name="Recipient">The remote recipient's path.</param>
/// <param name="MessageType">The message's type name.</param>
/// <param name="Sender">The local sender's path, or null.</param>
/// <param name="Reason">Why it was not delivered.</param>
public sealed record RemoteDeliveryFailed(string Recipient, string MessageType, string? Sender, string Reason);
