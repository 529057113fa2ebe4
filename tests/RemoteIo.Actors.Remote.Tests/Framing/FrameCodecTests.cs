using System.Buffers;
using Google.Protobuf;
using RemoteIo.Actors.Protocol.Remoting;
using RemoteIo.Actors.Remote.Framing;
using RemoteIo.Actors.Remote.Tests.Messages;
using RemoteIo.Actors.Remote.Tests.Support;
using Xunit;

namespace RemoteIo.Actors.Remote.Tests.Framing;

/// <summary>The length-delimited framing and the hand-written Deliver encoder.</summary>
public sealed class FrameCodecTests
{
    [Theory]
    [InlineData(0u, new byte[] { 0x00 })]
    [InlineData(127u, new byte[] { 0x7F })]
    [InlineData(128u, new byte[] { 0x80, 0x01 })]
    [InlineData(300u, new byte[] { 0xAC, 0x02 })]
    [InlineData(1048576u, new byte[] { 0x80, 0x80, 0x40 })]
    [InlineData(uint.MaxValue, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F })]
    public void Prefix_Varint_RoundTripsAndMatchesProtobuf(uint value, byte[] encoded)
    {
        var buffer = new byte[5];
        var written = FrameCodec.WriteVarint(buffer, value);

        Assert.Equal(encoded, buffer[..written]);
        Assert.Equal(written, FrameCodec.VarintSize(value));
        Assert.Equal(CodedOutputStream.ComputeUInt32Size(value), written);
        Assert.Equal(FrameStatus.Complete, FrameCodec.TryReadPrefix(new ReadOnlySequence<byte>(encoded), out var read, out var size));
        Assert.Equal((value, written), (read, size));
    }

    [Fact]
    public void TryReadFrame_SplitAcrossSegments_WaitsThenReturnsTheWholeFrame()
    {
        var frame = Encode(new Frame { Heartbeat = new Heartbeat { Sequence = 300 } });
        var partial = new ReadOnlySequence<byte>(frame[..2]);

        Assert.Equal(FrameStatus.Incomplete, FrameCodec.TryReadFrame(ref partial, 1024, out _, out _));

        var whole = Sequences.Segmented(frame, 1);
        Assert.Equal(FrameStatus.Complete, FrameCodec.TryReadFrame(ref whole, 1024, out var bytes, out var length));
        Assert.True(whole.IsEmpty);
        Assert.Equal(frame.Length - 1, length);
        Assert.Equal(300ul, Frame.Parser.ParseFrom(bytes).Heartbeat.Sequence);
    }

    [Fact]
    public void TryReadFrame_PrefixAboveLimit_TooLargeBeforeTheBodyArrives()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { 0x81, 0x08 }); // 1025

        Assert.Equal(FrameStatus.TooLarge, FrameCodec.TryReadFrame(ref buffer, 1024, out _, out var length));
        Assert.Equal(1025, length);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x10 })]
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x80, 0x00 })]
    public void TryReadFrame_PrefixNotAVarint32_Malformed(byte[] bytes)
    {
        var buffer = new ReadOnlySequence<byte>(bytes);

        Assert.Equal(FrameStatus.Malformed, FrameCodec.TryReadFrame(ref buffer, int.MaxValue, out _, out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(20_000)]
    [InlineData(300_000)]
    public void DeliverEncoder_AnyPayloadSize_ProducesAFrameProtobufParsesIdentically(int payloadBytes)
    {
        var payload = new Blob { Data = ByteString.CopyFrom(Enumerable.Range(0, payloadBytes).Select(i => (byte)i).ToArray()) };
        var item = TestNode.Item(payload, recipient: "/user/pins", sender: "/temp/ask-12", correlationId: 99);
        var writer = new ArrayBufferWriter<byte>();

        var written = DeliverEncoder.Write(writer, item, sequence: 123_456, maxFrameSize: 1 << 20);

        Assert.Equal(writer.WrittenCount, written);
        var buffer = new ReadOnlySequence<byte>(writer.WrittenMemory);
        Assert.Equal(FrameStatus.Complete, FrameCodec.TryReadFrame(ref buffer, 1 << 20, out var bytes, out _));
        Assert.True(buffer.IsEmpty);
        var deliver = Frame.Parser.ParseFrom(bytes).Deliver;
        var expected = new Deliver
        {
            Recipient = "/user/pins",
            Sender = "/temp/ask-12",
            TypeName = "remoteio.tests.v1.Blob",
            Payload = payload.ToByteString(),
            Sequence = 123_456,
            CorrelationId = 99,
        };
        Assert.Equal(expected, deliver);
    }

    [Fact]
    public void DeliverEncoder_EmptySenderAndZeroIds_OmittedAsProto3Does()
    {
        var item = TestNode.Item(new Ping { Number = 1 }, recipient: "/user/a", sender: string.Empty);
        var writer = new ArrayBufferWriter<byte>();

        DeliverEncoder.Write(writer, item, sequence: 0, maxFrameSize: 1024);

        var expected = new Frame { Deliver = new Deliver { Recipient = "/user/a", TypeName = "remoteio.tests.v1.Ping", Payload = new Ping { Number = 1 }.ToByteString() } };
        Assert.Equal(Encode(expected), writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void DeliverEncoder_FrameAboveLimit_WritesNothingAndReportsTheSize()
    {
        var item = TestNode.Item(new Blob { Data = ByteString.CopyFrom(new byte[5000]) });
        var writer = new ArrayBufferWriter<byte>();

        var written = DeliverEncoder.Write(writer, item, sequence: 1, maxFrameSize: 4096);

        Assert.True(written < -4096);
        Assert.Equal(0, writer.WrittenCount);
    }

    [Fact]
    public void Decode_FrameWithoutKnownKind_LinkProtocolExceptionMalformed()
    {
        var error = Assert.Throws<LinkProtocolException>(() => FrameIO.Decode(new ReadOnlySequence<byte>(new byte[] { 0x98, 0x06, 0x01 })));

        Assert.Equal(DisassociateReason.MalformedFrame, error.Reason);
    }

    /// <summary>Prefix + message, as <c>WriteDelimitedTo</c> would write it.</summary>
    private static byte[] Encode(IMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteDelimitedTo(stream);
        return stream.ToArray();
    }
}
