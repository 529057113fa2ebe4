using System.Buffers;
using Google.Protobuf;

namespace RemoteIo.Actors.Remote.Framing;

/// <summary>
/// The length-delimited framing of remote.proto: each frame is a base-128 varint byte count
/// (at most 5 bytes, value below 2^32) followed by that many bytes of an encoded <c>Frame</c>.
/// Reading slices frames out of the pipe's buffer without copying; writing encodes straight into
/// the pipe's memory.
/// </summary>
internal static class FrameCodec
{
    /// <summary>The longest valid length prefix: 5 varint bytes carry 32 bits.</summary>
    public const int MaxPrefixSize = 5;

    /// <summary>
    /// Takes one whole frame from the start of <paramref name="buffer"/>: on
    /// <see cref="FrameStatus.Complete"/> the frame's bytes (without prefix) are in
    /// <paramref name="frame"/> and <paramref name="buffer"/> is advanced past it. A frame larger
    /// than <paramref name="maxFrameSize"/> is reported as soon as its prefix is read, before any
    /// of it is buffered.
    /// </summary>
    /// <param name="buffer">Unconsumed input; advanced past a complete frame.</param>
    /// <param name="maxFrameSize">The largest frame accepted, in bytes.</param>
    /// <param name="frame">The frame's bytes when complete.</param>
    /// <param name="announcedLength">The length the prefix announced (valid for Complete, Incomplete with a full prefix, and TooLarge).</param>
    /// <returns>What the buffer holds.</returns>
    public static FrameStatus TryReadFrame(ref ReadOnlySequence<byte> buffer, int maxFrameSize, out ReadOnlySequence<byte> frame, out long announcedLength)
    {
        frame = default;
        var prefix = TryReadPrefix(buffer, out var length, out var prefixSize);
        announcedLength = length;
        if (prefix != FrameStatus.Complete)
        {
            return prefix;
        }

        if (length > (uint)maxFrameSize)
        {
            return FrameStatus.TooLarge;
        }

        if (buffer.Length - prefixSize < length)
        {
            return FrameStatus.Incomplete;
        }

        frame = buffer.Slice(prefixSize, length);
        buffer = buffer.Slice(frame.End);
        return FrameStatus.Complete;
    }

    /// <summary>Decodes the varint length prefix at the start of <paramref name="buffer"/>.</summary>
    /// <param name="buffer">Unconsumed input.</param>
    /// <param name="length">The announced frame length.</param>
    /// <param name="prefixSize">How many bytes the prefix took.</param>
    /// <returns>Complete, Incomplete (prefix not all there yet) or Malformed (longer than 5 bytes, or 2^32 and more).</returns>
    public static FrameStatus TryReadPrefix(in ReadOnlySequence<byte> buffer, out uint length, out int prefixSize)
    {
        Span<byte> copy = stackalloc byte[MaxPrefixSize];
        var first = buffer.FirstSpan;
        scoped ReadOnlySpan<byte> bytes;
        if (first.Length >= MaxPrefixSize || first.Length == buffer.Length)
        {
            bytes = first;
        }
        else
        {
            var available = (int)Math.Min(buffer.Length, MaxPrefixSize);
            buffer.Slice(0, available).CopyTo(copy);
            bytes = copy[..available];
        }

        return DecodeVarint(bytes, out length, out prefixSize);
    }

    /// <summary>Decodes a varint32 from the start of <paramref name="bytes"/>.</summary>
    private static FrameStatus DecodeVarint(ReadOnlySpan<byte> bytes, out uint value, out int size)
    {
        value = 0;
        size = 0;
        var limit = Math.Min(bytes.Length, MaxPrefixSize);
        for (var i = 0; i < limit; i++)
        {
            var b = bytes[i];
            if (i == MaxPrefixSize - 1 && b > 0x0F)
            {
                return FrameStatus.Malformed; // would not fit in 32 bits, or a 6th byte follows
            }

            value |= (uint)(b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                size = i + 1;
                return FrameStatus.Complete;
            }
        }

        value = 0;
        return FrameStatus.Incomplete;
    }

    /// <summary>How many bytes the varint encoding of <paramref name="value"/> takes.</summary>
    /// <param name="value">The value.</param>
    /// <returns>1 to 5.</returns>
    public static int VarintSize(uint value) => value switch
    {
        < 1u << 7 => 1,
        < 1u << 14 => 2,
        < 1u << 21 => 3,
        < 1u << 28 => 4,
        _ => 5,
    };

    /// <summary>How many bytes the varint encoding of <paramref name="value"/> takes.</summary>
    /// <param name="value">The value.</param>
    /// <returns>1 to 10.</returns>
    public static int VarintSize(ulong value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }

        return size;
    }

    /// <summary>Writes <paramref name="value"/> as a varint.</summary>
    /// <param name="destination">At least <see cref="VarintSize(ulong)"/> bytes.</param>
    /// <param name="value">The value.</param>
    /// <returns>The number of bytes written.</returns>
    public static int WriteVarint(Span<byte> destination, ulong value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    /// <summary>Writes one message as a length-delimited frame.</summary>
    /// <param name="writer">The connection's output.</param>
    /// <param name="message">The frame (a <c>Frame</c> message).</param>
    /// <returns>The number of bytes written, prefix included.</returns>
    public static int WriteFrame(IBufferWriter<byte> writer, IMessage message)
    {
        var size = message.CalculateSize();
        var prefixSize = VarintSize((uint)size);
        var span = writer.GetSpan(prefixSize + size);
        WriteVarint(span, (uint)size);
        message.WriteTo(span.Slice(prefixSize, size));
        writer.Advance(prefixSize + size);
        return prefixSize + size;
    }
}
