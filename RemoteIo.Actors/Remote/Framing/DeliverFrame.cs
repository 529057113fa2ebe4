using System.Buffers;
using RemoteIo.Actors.Protocol.Remoting;

namespace RemoteIo.Actors.Remote.Framing;

/// <summary>
/// An inbound Deliver before its payload is decoded: the payload still points into the receive
/// buffer (valid until the read loop advances past the frame).
/// </summary>
/// <param name="Recipient">Deliver.recipient.</param>
/// <param name="Sender">Deliver.sender.</param>
/// <param name="TypeName">Deliver.type_name.</param>
/// <param name="Payload">Deliver.payload, not copied.</param>
/// <param name="Sequence">Deliver.sequence.</param>
/// <param name="CorrelationId">Deliver.correlation_id.</param>
internal readonly record struct DeliverFrame(string Recipient, string Sender, string TypeName, ReadOnlySequence<byte> Payload, ulong Sequence, ulong CorrelationId)
{
    /// <summary>The view of a Deliver parsed by protobuf (the general path).</summary>
    /// <param name="deliver">The parsed message.</param>
    /// <returns>The frame.</returns>
    public static DeliverFrame From(Deliver deliver) =>
        new(deliver.Recipient, deliver.Sender, deliver.TypeName, new ReadOnlySequence<byte>(deliver.Payload.Memory), deliver.Sequence, deliver.CorrelationId);
}
