using System.Buffers.Binary;

namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>
/// Byte layouts of pigpiod's socket protocol: the 16-byte request header, the 16-byte reply that
/// echoes <c>cmd, p1, p2</c> with a signed result in place of <c>p3</c>, and the 12-byte notification
/// report. All fields are little-endian, as pigpiod writes its native structures on a Pi.
/// </summary>
public static class PigpioWire
{
    /// <summary>Bytes in a request header (<c>cmd, p1, p2, p3</c>).</summary>
    public const int RequestSize = 16;

    /// <summary>Bytes in a reply.</summary>
    public const int ReplySize = 16;

    /// <summary>Bytes in a notification report.</summary>
    public const int ReportSize = 12;

    /// <summary>The largest extension pigpiod reads (its buffer is 64 KiB); a larger <c>p3</c> ends the connection.</summary>
    public const int MaxExtension = (1 << 16) - 1;

    /// <summary>Reads a request header (without extension).</summary>
    /// <param name="source">At least <see cref="RequestSize"/> bytes.</param>
    /// <returns>The request; <see cref="PigpioRequest.Extension"/> is not filled in.</returns>
    public static PigpioRequest ReadRequest(ReadOnlySpan<byte> source) => new(
        BinaryPrimitives.ReadUInt32LittleEndian(source),
        BinaryPrimitives.ReadUInt32LittleEndian(source[4..]),
        BinaryPrimitives.ReadUInt32LittleEndian(source[8..]),
        BinaryPrimitives.ReadUInt32LittleEndian(source[12..]));

    /// <summary>Writes a request header, as a client sends it.</summary>
    /// <param name="destination">At least <see cref="RequestSize"/> bytes.</param>
    /// <param name="request">The request (its extension is not written).</param>
    public static void WriteRequest(Span<byte> destination, in PigpioRequest request)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, request.Command);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], request.P1);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], request.P2);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[12..], request.P3);
    }

    /// <summary>Writes the reply to <paramref name="request"/>: its cmd, p1 and p2, then <paramref name="result"/>.</summary>
    /// <param name="destination">At least <see cref="ReplySize"/> bytes.</param>
    /// <param name="request">The request answered.</param>
    /// <param name="result">A value (≥ 0) or a <see cref="PigpioError"/> (&lt; 0).</param>
    public static void WriteReply(Span<byte> destination, in PigpioRequest request, int result)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, request.Command);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], request.P1);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], request.P2);
        BinaryPrimitives.WriteInt32LittleEndian(destination[12..], result);
    }

    /// <summary>Reads the signed result of a reply.</summary>
    /// <param name="source">At least <see cref="ReplySize"/> bytes.</param>
    public static int ReadReplyResult(ReadOnlySpan<byte> source) => BinaryPrimitives.ReadInt32LittleEndian(source[12..]);

    /// <summary>Writes a notification report.</summary>
    /// <param name="destination">At least <see cref="ReportSize"/> bytes.</param>
    /// <param name="report">The report.</param>
    public static void WriteReport(Span<byte> destination, in PigpioReport report)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(destination, report.Sequence);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], report.Flags);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], report.Tick);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], report.Levels);
    }

    /// <summary>Reads a notification report.</summary>
    /// <param name="source">At least <see cref="ReportSize"/> bytes.</param>
    public static PigpioReport ReadReport(ReadOnlySpan<byte> source) => new(
        BinaryPrimitives.ReadUInt16LittleEndian(source),
        BinaryPrimitives.ReadUInt16LittleEndian(source[2..]),
        BinaryPrimitives.ReadUInt32LittleEndian(source[4..]),
        BinaryPrimitives.ReadUInt32LittleEndian(source[8..]));
}
