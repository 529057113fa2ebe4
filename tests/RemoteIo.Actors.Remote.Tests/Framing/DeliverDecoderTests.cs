using System.Buffers;
using Google.Protobuf;
using RemoteIo.Actors.Protocol.Remoting;
using RemoteIo.Actors.Remote.Framing;
using RemoteIo.Actors.Remote.Tests.Messages;
using RemoteIo.Actors.Remote.Tests.Support;
using Xunit;

namespace RemoteIo.Actors.Remote.Tests.Framing;

/// <summary>The allocation-free Deliver decoder agrees with protobuf, and falls back to it for anything unusual.</summary>
public sealed class DeliverDecoderTests
{
    [Theory]
    [InlineData(0, 64)]
    [InlineData(40, 1)]
    [InlineData(40, 7)]
    [InlineData(3_000, 1_000)]
    [InlineData(70_000, 1 << 20)]
    public void TryDecode_EncoderOutputInAnySegmentation_SameFieldsAsProtobuf(int payloadBytes, int segment)
    {
        var payload = new Blob { Data = ByteString.CopyFrom(Enumerable.Range(0, payloadBytes).Select(i => (byte)(i * 7)).ToArray()) };
        var frame = Encode(TestNode.Item(payload, recipient: "/user/pins", sender: "/temp/$3", correlationId: 5), sequence: 300);

        Assert.True(new DeliverDecoder().TryDecode(Sequences.Segmented(frame, segment), out var decoded));

        var expected = Frame.Parser.ParseFrom(frame).Deliver;
        Assert.Equal(expected.Recipient, decoded.Recipient);
        Assert.Equal(expected.Sender, decoded.Sender);
        Assert.Equal(expected.TypeName, decoded.TypeName);
        Assert.Equal(expected.Payload.ToByteArray(), decoded.Payload.ToArray());
        Assert.Equal((300ul, 5ul), (decoded.Sequence, decoded.CorrelationId));
    }

    [Fact]
    public void TryDecode_SamePathsAgain_ReusesTheStrings()
    {
        var decoder = new DeliverDecoder();
        var frame = new ReadOnlySequence<byte>(Encode(TestNode.Item(new Ping { Number = 1 }), sequence: 1));

        decoder.TryDecode(frame, out var first);
        decoder.TryDecode(frame, out var second);

        Assert.Same(first.Recipient, second.Recipient);
        Assert.Same(first.TypeName, second.TypeName);
    }

    [Fact]
    public void TryDecode_LargeFrameSplitAcrossSegments_LeftToProtobuf()
    {
        var payload = new Blob { Data = ByteString.CopyFrom(new byte[70_000]) };
        var frame = Encode(TestNode.Item(payload, recipient: "/user/pins"), sequence: 1);

        // Copying it to read it as one span would cost more than protobuf's parse.
        Assert.False(new DeliverDecoder().TryDecode(Sequences.Segmented(frame, 4096), out _));
        Assert.Equal("/user/pins", Frame.Parser.ParseFrom(Sequences.Segmented(frame, 4096)).Deliver.Recipient);
    }

    [Fact]
    public void TryDecode_RecipientsTakingTurns_EachDecodedToItsOwnString()
    {
        var decoder = new DeliverDecoder();
        var toA = new ReadOnlySequence<byte>(Encode(TestNode.Item(new Ping { Number = 1 }, recipient: "/user/a"), sequence: 1));
        var toB = new ReadOnlySequence<byte>(Encode(TestNode.Item(new Ping { Number = 2 }, recipient: "/user/b"), sequence: 2));

        decoder.TryDecode(toA, out var first);
        decoder.TryDecode(toB, out var second);
        decoder.TryDecode(toA, out var third);

        Assert.Equal(["/user/a", "/user/b", "/user/a"], new[] { first.Recipient, second.Recipient, third.Recipient });
        Assert.Same(first.Recipient, third.Recipient);
    }

    [Fact]
    public void TryDecode_DeliverWithAFieldFromAFutureVersion_LeftToProtobuf()
    {
        byte[] inner = [.. new Deliver { Recipient = "/user/a", TypeName = "x.Y", Sequence = 1 }.ToByteArray(), 0x78, 0x01]; // + field 15 = 1
        byte[] bytes = [0x32, (byte)inner.Length, .. inner];

        Assert.False(new DeliverDecoder().TryDecode(new ReadOnlySequence<byte>(bytes), out _));
        Assert.Equal("/user/a", Frame.Parser.ParseFrom(bytes).Deliver.Recipient);
    }

    [Fact]
    public void TryDecode_OtherFrameKind_LeftToProtobuf()
    {
        var frame = new Frame { Heartbeat = new Heartbeat { Sequence = 2 } }.ToByteArray();

        Assert.False(new DeliverDecoder().TryDecode(new ReadOnlySequence<byte>(frame), out _));
    }

    [Fact]
    public void TryDecode_FieldLongerThanTheFrame_MalformedFrame()
    {
        // Frame.deliver of 4 bytes holding recipient "claiming 100 bytes".
        var frame = new byte[] { 0x32, 0x04, 0x0A, 100, (byte)'/', (byte)'u' };

        var error = Assert.Throws<LinkProtocolException>(() => new DeliverDecoder().TryDecode(new ReadOnlySequence<byte>(frame), out _));

        Assert.Equal(DisassociateReason.MalformedFrame, error.Reason);
    }

    [Fact]
    public void TryDecode_MutatedFrames_AgreeWithProtobufOrFailAsMalformed()
    {
        // Bytes from the wire are untrusted: a flipped, dropped or truncated byte must give either the
        // fields protobuf reads, a fall-back to protobuf, or a malformed-frame error; nothing else.
        var random = new Random(20261122);
        var valid = Encode(TestNode.Item(new Ping { Number = 300 }, recipient: "/user/pins", sender: "/user/client", correlationId: 9), sequence: 77);
        var decoder = new DeliverDecoder();
        for (var round = 0; round < 20_000; round++)
        {
            var bytes = Mutate(valid, random);
            var segment = random.Next(2) == 0 ? bytes.Length + 1 : random.Next(1, 8);
            bool decoded;
            DeliverFrame frame;
            try
            {
                decoded = decoder.TryDecode(bytes.Length == 0 ? ReadOnlySequence<byte>.Empty : Sequences.Segmented(bytes, segment), out frame);
            }
            catch (LinkProtocolException error)
            {
                Assert.Equal(DisassociateReason.MalformedFrame, error.Reason);
                continue;
            }

            if (!decoded)
            {
                continue;
            }

            var expected = Frame.Parser.ParseFrom(bytes).Deliver;
            Assert.Equal(expected.Recipient, frame.Recipient);
            Assert.Equal(expected.Sender, frame.Sender);
            Assert.Equal(expected.TypeName, frame.TypeName);
            Assert.Equal(expected.Payload.ToByteArray(), frame.Payload.ToArray());
            Assert.Equal((expected.Sequence, expected.CorrelationId), (frame.Sequence, frame.CorrelationId));
        }
    }

    /// <summary>A copy of <paramref name="bytes"/> with one to three random flips, drops or a truncation.</summary>
    private static byte[] Mutate(byte[] bytes, Random random)
    {
        var mutated = bytes.ToList();
        for (var edits = random.Next(1, 4); edits > 0 && mutated.Count > 1; edits--)
        {
            var at = random.Next(mutated.Count);
            switch (random.Next(3))
            {
                case 0:
                    mutated[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    mutated.RemoveAt(at);
                    break;
                default:
                    mutated.RemoveRange(at, mutated.Count - at);
                    break;
            }
        }

        return [.. mutated];
    }

    /// <summary>A frame as the link writes it, without its length prefix.</summary>
    private static byte[] Encode(RemoteIo.Actors.Remote.Links.OutboundItem item, ulong sequence)
    {
        var writer = new ArrayBufferWriter<byte>();
        DeliverEncoder.Write(writer, item, sequence, 1 << 20);
        var buffer = new ReadOnlySequence<byte>(writer.WrittenMemory);
        FrameCodec.TryReadFrame(ref buffer, 1 << 20, out var frame, out _);
        return frame.ToArray();
    }
}
