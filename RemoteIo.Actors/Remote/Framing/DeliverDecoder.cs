using System.Buffers;
using System.Text;
using RemoteIo.Actors.Protocol.Remoting;

namespace RemoteIo.Actors.Remote.Framing;

/// <summary>
/// Decodes the common frame, <c>Frame { deliver = Deliver {...} }</c>, straight from the receive
/// buffer: no Frame, Deliver or payload copy is allocated, and the recipient, sender and type
/// name strings come from a small per-link cache (a link carries few distinct paths). Anything it
/// does not recognise byte for byte (other frame kinds, unknown fields) is left to protobuf's
/// general parser, so the wire semantics are exactly protobuf's.
/// </summary>
internal sealed class DeliverDecoder
{
    /// <summary>Frame.deliver: field 6, length-delimited.</summary>
    private const byte DeliverTag = (6 << 3) | 2;

    /// <summary>Recently seen strings by the hash of their UTF-8 bytes.</summary>
    private readonly CachedString[] _cache = new CachedString[64];

    /// <summary>Tries the fast path.</summary>
    /// <param name="frame">One whole frame (without its length prefix).</param>
    /// <param name="deliver">The Deliver, when decoded.</param>
    /// <returns>False when the frame is not a plain Deliver; the caller parses it with protobuf.</returns>
    /// <exception cref="Framing.LinkProtocolException">The frame claims to be a Deliver but is truncated.</exception>
    public bool TryDecode(in ReadOnlySequence<byte> frame, out DeliverFrame deliver)
    {
        deliver = default;
        var reader = new SequenceReader<byte>(frame);
        if (!reader.TryRead(out var tag) || tag != DeliverTag || !TryReadVarint(ref reader, out var length) || (ulong)reader.Remaining != length)
        {
            return false;
        }

        string recipient = string.Empty, sender = string.Empty, typeName = string.Empty;
        ReadOnlySequence<byte> payload = default;
        ulong sequence = 0, correlation = 0;
        while (!reader.End)
        {
            if (!TryReadVarint(ref reader, out var field))
            {
                throw Truncated();
            }

            switch (field)
            {
                case (1 << 3) | 2:
                    recipient = ReadString(ref reader);
                    break;
                case (2 << 3) | 2:
                    sender = ReadString(ref reader);
                    break;
                case (3 << 3) | 2:
                    typeName = ReadString(ref reader);
                    break;
                case (4 << 3) | 2:
                    payload = ReadBytes(ref reader);
                    break;
                case 5 << 3:
                    sequence = ReadVarint(ref reader);
                    break;
                case 6 << 3:
                    correlation = ReadVarint(ref reader);
                    break;
                default:
                    return false; // a field this version does not know: let protobuf skip it
            }
        }

        deliver = new DeliverFrame(recipient, sender, typeName, payload, sequence, correlation);
        return true;
    }

    /// <summary>A length-delimited field's bytes, not copied.</summary>
    private static ReadOnlySequence<byte> ReadBytes(ref SequenceReader<byte> reader)
    {
        var length = ReadVarint(ref reader);
        if (length > (ulong)reader.Remaining)
        {
            throw Truncated();
        }

        var bytes = reader.UnreadSequence.Slice(0, (long)length);
        reader.Advance((long)length);
        return bytes;
    }

    /// <summary>A string field, from the cache when its bytes were seen recently.</summary>
    private string ReadString(ref SequenceReader<byte> reader)
    {
        var bytes = ReadBytes(ref reader);
        if (bytes.Length > 256)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        Span<byte> copy = stackalloc byte[256];
        scoped ReadOnlySpan<byte> span;
        if (bytes.IsSingleSegment)
        {
            span = bytes.FirstSpan;
        }
        else
        {
            bytes.CopyTo(copy);
            span = copy[..(int)bytes.Length];
        }

        ref var slot = ref _cache[(int)(Hash(span) % (uint)_cache.Length)];
        if (slot.Utf8 is { } known && span.SequenceEqual(known))
        {
            return slot.Value;
        }

        var value = Encoding.UTF8.GetString(span);
        slot = new CachedString(span.ToArray(), value);
        return value;
    }

    /// <summary>A varint field's value.</summary>
    private static ulong ReadVarint(ref SequenceReader<byte> reader) => TryReadVarint(ref reader, out var value) ? value : throw Truncated();

    /// <summary>Reads a varint of up to 10 bytes.</summary>
    private static bool TryReadVarint(ref SequenceReader<byte> reader, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if (!reader.TryRead(out var b))
            {
                return false;
            }

            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>FNV-1a over the bytes.</summary>
    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }

    /// <summary>The error for a Deliver cut short.</summary>
    private static LinkProtocolException Truncated() => new(DisassociateReason.MalformedFrame, "a Deliver frame is truncated or has an invalid field");

    /// <summary>One cache slot.</summary>
    /// <param name="Utf8">The string's bytes.</param>
    /// <param name="Value">The string.</param>
    private readonly record struct CachedString(byte[]? Utf8, string Value);
}
