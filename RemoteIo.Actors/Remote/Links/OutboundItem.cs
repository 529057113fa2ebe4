using Google.Protobuf;
using RemoteIo.Actors.Protocol.Remoting;

namespace RemoteIo.Actors.Remote.Links;

/// <summary>
/// One entry of an association's outbound queue: a message for a remote actor (serialised only
/// when the link writes it) or a control frame.
/// </summary>
internal readonly struct OutboundItem
{
    /// <summary>A delivery.</summary>
    /// <param name="message">The payload.</param>
    /// <param name="typeName">The payload type's protobuf full name as UTF-8 (from the registry's cache).</param>
    /// <param name="recipient">The recipient's path on the remote side.</param>
    /// <param name="sender">The sender's path on this side, or empty.</param>
    /// <param name="correlationId">Deliver.correlation_id, or 0.</param>
    /// <param name="context">Opaque to the link: handed back with a failure report (the local sender).</param>
    public OutboundItem(IMessage message, ReadOnlyMemory<byte> typeName, string recipient, string sender, ulong correlationId, object? context)
    {
        Message = message;
        TypeName = typeName;
        Recipient = recipient;
        Sender = sender;
        CorrelationId = correlationId;
        Context = context;
    }

    /// <summary>A control frame (heartbeat, ack, rejection).</summary>
    /// <param name="control">The frame.</param>
    public OutboundItem(Frame control)
    {
        Message = control;
        TypeName = default;
        Recipient = string.Empty;
        Sender = string.Empty;
        CorrelationId = 0;
        Context = null;
        IsControl = true;
    }

    /// <summary>True for control frames, which take no queue capacity.</summary>
    public bool IsControl { get; }

    /// <summary>The payload, or the control <see cref="Frame"/>.</summary>
    public IMessage Message { get; }

    /// <summary>The payload's type name, UTF-8.</summary>
    public ReadOnlyMemory<byte> TypeName { get; }

    /// <summary>The recipient's path on the remote side.</summary>
    public string Recipient { get; }

    /// <summary>The sender's path on this side, or empty.</summary>
    public string Sender { get; }

    /// <summary>Deliver.correlation_id, or 0.</summary>
    public ulong CorrelationId { get; }

    /// <summary>Opaque context returned with failure reports.</summary>
    public object? Context { get; }
}
