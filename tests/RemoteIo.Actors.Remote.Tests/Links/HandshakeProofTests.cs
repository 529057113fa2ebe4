using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using RemoteIo.Actors.Remote.Handshake;
using Xunit;

namespace RemoteIo.Actors.Remote.Tests.Links;

/// <summary>The proofs follow remote.proto's documented transcript byte for byte (other-language clients rely on it).</summary>
public sealed class HandshakeProofTests
{
    [Fact]
    public void ClientAndServerProof_AsDocumented_HmacOverLabelAndLengthPrefixedTranscript()
    {
        var secretBytes = Encoding.UTF8.GetBytes("s3cret-key");
        var secret = new SharedSecret(secretBytes);
        var serverNonce = Enumerable.Repeat((byte)1, 32).ToArray();
        var clientNonce = Enumerable.Repeat((byte)2, 32).ToArray();
        var transcript = new HandshakeProof.Transcript(serverNonce, clientNonce, "kitchen", 0x0102030405060708, "remoteio://c@kitchen:0", "remoteio://host@pi:8509", 1);

        var t = new List<byte>();
        void Field(byte[] value)
        {
            var length = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(length, (uint)value.Length);
            t.AddRange(length);
            t.AddRange(value);
        }

        Field(serverNonce);
        Field(clientNonce);
        Field(Encoding.UTF8.GetBytes("kitchen"));
        t.AddRange(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
        Field(Encoding.UTF8.GetBytes("remoteio://c@kitchen:0"));
        Field(Encoding.UTF8.GetBytes("remoteio://host@pi:8509"));
        t.AddRange(new byte[] { 0, 0, 0, 1 });

        byte[] clientMessage = [.. "remoteio-client-proof-v1"u8.ToArray(), .. t];
        byte[] serverMessage = [.. "remoteio-server-proof-v1"u8.ToArray(), .. t];
        var expectedClient = HMACSHA256.HashData(secretBytes, clientMessage);
        var expectedServer = HMACSHA256.HashData(secretBytes, serverMessage);
        Assert.Equal(expectedClient, HandshakeProof.Client(secret, transcript));
        Assert.Equal(expectedServer, HandshakeProof.Server(secret, transcript));
        Assert.NotEqual(expectedClient, expectedServer);
    }

    [Fact]
    public void Matches_DifferentLengthOrOneBitOff_False()
    {
        var proof = RandomNumberGenerator.GetBytes(32);
        var flipped = (byte[])proof.Clone();
        flipped[31] ^= 1;

        Assert.True(HandshakeProof.Matches(proof, (byte[])proof.Clone()));
        Assert.False(HandshakeProof.Matches(proof, flipped));
        Assert.False(HandshakeProof.Matches(proof, proof.AsSpan(0, 31)));
        Assert.False(HandshakeProof.Matches(proof, []));
    }

    [Fact]
    public void SharedSecret_FromFileWithTrailingNewline_StripsOneLineBreakAndNeverPrintsTheKey()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "abcdefgh12\r\n");
            var fromFile = SharedSecret.FromFile(path);
            var fromText = SharedSecret.FromText("abcdefgh12");

            Assert.Equal(fromText.Mac("x"u8), fromFile.Mac("x"u8));
            Assert.DoesNotContain("abcdefgh12", fromFile.ToString(), StringComparison.Ordinal);
            Assert.Contains(path, fromFile.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SharedSecret_TooShort_ClearError()
    {
        var error = Assert.Throws<ArgumentException>(() => SharedSecret.FromText("short"));

        Assert.Contains("at least 8 are required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SharedSecret_MissingFile_IOExceptionNamingThePath()
    {
        var error = Assert.Throws<IOException>(() => SharedSecret.FromFile("/nonexistent/remoteio.secret"));

        Assert.Contains("/nonexistent/remoteio.secret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1u, 1u, 1u, 1u, true, 1u)]
    [InlineData(1u, 3u, 2u, 5u, true, 3u)]
    [InlineData(1u, 1u, 2u, 3u, false, 0u)]
    public void ProtocolVersionRange_Negotiate_HighestCommonVersion(uint aMin, uint aMax, uint bMin, uint bMax, bool ok, uint version)
    {
        var agreed = new ProtocolVersionRange(aMin, aMax).TryNegotiate(new ProtocolVersionRange(bMin, bMax), out var chosen);

        Assert.Equal(ok, agreed);
        if (ok)
        {
            Assert.Equal(version, chosen);
        }
    }
}
