using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using Google.Protobuf;
using RemoteIo.Actors.Protocol.Remoting;

namespace RemoteIo.Actors.Remote.Framing;

/// <summary>Reads and writes single frames on a connection's pipes (the handshake's pace; links batch instead).</summary>
internal static class FrameIO
{
    /// <summary>Reads the next frame.</summary>
    /// <param name="input">The connection's input.</param>
    /// <param name="maxFrameSize">The largest frame accepted.</param>
    /// <param name="cancellationToken">Stops waiting (handshake timeout).</param>
    /// <returns>The frame, or null when the peer closed the connection at a frame boundary.</returns>
    /// <exception cref="LinkProtocolException">Too large, malformed, or cut off mid-frame.</exception>
    public static async ValueTask<Frame?> ReadFrameAsync(PipeReader input, int maxFrameSize, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var status = FrameCodec.TryReadFrame(ref buffer, maxFrameSize, out var bytes, out var length);
            if (status == FrameStatus.Complete)
            {
                Frame frame;
                try
                {
                    frame = Decode(bytes);
                }
                finally
                {
                    input.AdvanceTo(buffer.Start);
                }

                return frame;
            }

            input.AdvanceTo(result.Buffer.Start, result.Buffer.End);
            ThrowIfBad(status, length, maxFrameSize);
            if (result.IsCompleted)
            {
                return result.Buffer.IsEmpty
                    ? null
                    : throw new LinkProtocolException(DisassociateReason.MalformedFrame, "the connection closed in the middle of a frame");
            }
        }
    }

    /// <summary>Parses one frame's bytes.</summary>
    /// <param name="bytes">The frame without its prefix.</param>
    /// <returns>The frame; never one without a kind.</returns>
    /// <exception cref="LinkProtocolException">The bytes are not a Frame, or of a kind this version does not know.</exception>
    public static Frame Decode(in ReadOnlySequence<byte> bytes)
    {
        Frame frame;
        try
        {
            frame = Frame.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new LinkProtocolException(DisassociateReason.MalformedFrame, $"a frame of {bytes.Length} bytes does not parse: {ex.Message}");
        }

        return frame.KindCase == Frame.KindOneofCase.None
            ? throw new LinkProtocolException(DisassociateReason.MalformedFrame, $"a frame of {bytes.Length} bytes has no kind this protocol version knows")
            : frame;
    }

    /// <summary>Throws for a too-large or malformed status.</summary>
    /// <param name="status">What the codec found.</param>
    /// <param name="length">The announced length.</param>
    /// <param name="maxFrameSize">The limit.</param>
    public static void ThrowIfBad(FrameStatus status, long length, int maxFrameSize)
    {
        if (status == FrameStatus.TooLarge)
        {
            throw new LinkProtocolException(
                DisassociateReason.FrameTooLarge,
                string.Create(CultureInfo.InvariantCulture, $"a frame of {length} bytes exceeds the maximum frame size of {maxFrameSize} bytes"));
        }

        if (status == FrameStatus.Malformed)
        {
            throw new LinkProtocolException(DisassociateReason.MalformedFrame, "invalid frame length prefix (not a varint32 of at most 5 bytes)");
        }
    }

    /// <summary>Writes one frame and flushes.</summary>
    /// <param name="output">The connection's output.</param>
    /// <param name="frame">The frame.</param>
    /// <param name="cancellationToken">Stops waiting for the flush.</param>
    /// <returns>The flush result.</returns>
    public static ValueTask<FlushResult> WriteFrameAsync(PipeWriter output, Frame frame, CancellationToken cancellationToken)
    {
        FrameCodec.WriteFrame(output, frame);
        return output.FlushAsync(cancellationToken);
    }
}
