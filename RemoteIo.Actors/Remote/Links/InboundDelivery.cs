using Google.Protobuf;

namespace RemoteIo.Actors.Remote.Links;

/// <summary>A decoded message from the peer for a local actor.</summary>
/// <param name="Recipient">The local recipient's path, e.g. <c>/user/pins</c>.</param>
/// <param name="Sender">The remote sender's path on the peer, or empty.</param>
/// <param name="TypeName">The payload's protobuf full name.</param>
/// <param name="Message">The decoded payload (a registered type).</param>
/// <param name="Sequence">Deliver.sequence.</param>
/// <param name="CorrelationId">Deliver.correlation_id, or 0.</param>
internal readonly record struct InboundDelivery(string Recipient, string Sender, string TypeName, IMessage Message, ulong Sequence, ulong CorrelationId);
