using System.Buffers;
using System.Text;
using Google.Protobuf;
using RemoteIo.Actors.Remote.Links;

namespace RemoteIo.Actors.Remote.Framing;

/// <summary>
/// Writes a <c>Frame { deliver = Deliver {...} }</c> straight from an outbound item into the
/// pipe's memory, byte-identical to what protobuf would produce, without building the
/// intermediate Frame, Deliver and payload ByteString objects.
/// </summary>
internal static class DeliverEncoder
{
    /// <summary>Frame.deliver: field 6, length-delimited.</summary>
    private const byte FrameDeliverTag = (6 << 3) | 2;

    /// <summary>Deliver.recipient: field 1, length-delimited.</summary>
    private const byte RecipientTag = (1 << 3) | 2;

    /// <summary>Deliver.sender: field 2, length-delimited.</summary>
    private const byte SenderTag = (2 << 3) | 2;

    /// <summary>Deliver.type_name: field 3, length-delimited.</summary>
    private const byte TypeNameTag = (3 << 3) | 2;

    /// <summary>Deliver.payload: field 4, length-delimited.</summary>
    private const byte PayloadTag = (4 << 3) | 2;

    /// <summary>Deliver.sequence: field 5, varint.</summary>
    private const byte SequenceTag = 5 << 3;

    /// <summary>Deliver.correlation_id: field 6, varint.</summary>
    private const byte CorrelationTag = 6 << 3;

    /// <summary>Frames up to this size are encoded in one span; larger payloads stream into the pipe.</summary>
    private const int SingleSpanLimit = 16 * 1024;

    /// <summary>Encodes one delivery.</summary>
    /// <param name="writer">The connection's output.</param>
    /// <param name="item">The delivery.</param>
    /// <param name="sequence">Its Deliver.sequence.</param>
    /// <param name="maxFrameSize">The largest frame allowed.</param>
    /// <returns>The bytes written, or the (too large) frame size as a negative number when nothing was written.</returns>
    public static long Write(IBufferWriter<byte> writer, in OutboundItem item, ulong sequence, int maxFrameSize)
    {
        var payloadSize = item.Message.CalculateSize();
        var recipientSize = Encoding.UTF8.GetByteCount(item.Recipient);
        var senderSize = Encoding.UTF8.GetByteCount(item.Sender);
        var typeSize = item.TypeName.Length;
        var deliverSize = (long)BytesField(recipientSize) + BytesField(senderSize) + BytesField(typeSize) + BytesField(payloadSize)
            + VarintField(sequence) + VarintField(item.CorrelationId);
        var frameSize = 1 + FrameCodec.VarintSize((ulong)deliverSize) + deliverSize;
        if (frameSize > maxFrameSize)
        {
            return -frameSize;
        }

        var total = FrameCodec.VarintSize((ulong)frameSize) + frameSize;
        var headerSize = (int)(total - payloadSize);
        var span = writer.GetSpan(total <= SingleSpanLimit ? (int)total : headerSize);
        var at = FrameCodec.WriteVarint(span, (ulong)frameSize);
        span[at++] = FrameDeliverTag;
        at += FrameCodec.WriteVarint(span[at..], (ulong)deliverSize);
        at += WriteString(span[at..], RecipientTag, item.Recipient, recipientSize);
        at += WriteString(span[at..], SenderTag, item.Sender, senderSize);
        if (typeSize > 0)
        {
            span[at++] = TypeNameTag;
            at += FrameCodec.WriteVarint(span[at..], (ulong)typeSize);
            item.TypeName.Span.CopyTo(span[at..]);
            at += typeSize;
        }

        if (payloadSize > 0)
        {
            span[at++] = PayloadTag;
            at += FrameCodec.WriteVarint(span[at..], (ulong)payloadSize);
        }

        // Field order on the wire does not matter to protobuf; sequence and correlation go last
        // so the payload can stream in between without knowing their position in advance.
        var trailer = (int)(VarintField(sequence) + VarintField(item.CorrelationId));
        if (total <= SingleSpanLimit)
        {
            item.Message.WriteTo(span.Slice(at, payloadSize));
            at += payloadSize;
            at += WriteTrailer(span[at..], sequence, item.CorrelationId);
            writer.Advance(at);
        }
        else
        {
            writer.Advance(at);
            item.Message.WriteTo(writer);
            var tail = writer.GetSpan(trailer);
            writer.Advance(WriteTrailer(tail, sequence, item.CorrelationId));
        }

        return total;
    }

    /// <summary>Writes the sequence and correlation id fields (each omitted when 0, as proto3 does).</summary>
    private static int WriteTrailer(Span<byte> span, ulong sequence, ulong correlationId)
    {
        var at = 0;
        if (sequence != 0)
        {
            span[at++] = SequenceTag;
            at += FrameCodec.WriteVarint(span[at..], sequence);
        }

        if (correlationId != 0)
        {
            span[at++] = CorrelationTag;
            at += FrameCodec.WriteVarint(span[at..], correlationId);
        }

        return at;
    }

    /// <summary>Writes a string field (omitted when empty).</summary>
    private static int WriteString(Span<byte> span, byte tag, string value, int size)
    {
        if (size == 0)
        {
            return 0;
        }

        span[0] = tag;
        var at = 1 + FrameCodec.WriteVarint(span[1..], (ulong)size);
        return at + Encoding.UTF8.GetBytes(value, span[at..]);
    }

    /// <summary>Size of a length-delimited field with a one-byte tag; 0 when empty (omitted).</summary>
    private static int BytesField(int length) => length == 0 ? 0 : 1 + FrameCodec.VarintSize((uint)length) + length;

    /// <summary>Size of a varint field with a one-byte tag; 0 when zero (omitted).</summary>
    private static int VarintField(ulong value) => value == 0 ? 0 : 1 + FrameCodec.VarintSize(value);
}
