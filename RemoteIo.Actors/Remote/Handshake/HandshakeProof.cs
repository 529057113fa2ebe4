using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace RemoteIo.Actors.Remote.Handshake;

/// <summary>
/// The authentication proofs of remote.proto: HMAC-SHA256 under the shared secret over a label
/// and a transcript that binds both nonces, the client's identity, both addresses and the
/// protocol version. Different labels for the two directions stop a proof from being reflected.
/// </summary>
internal static class HandshakeProof
{
    /// <summary>Size of every nonce, in bytes.</summary>
    public const int NonceSize = 32;

    /// <summary>Size of a proof (an HMAC-SHA256), in bytes.</summary>
    public const int ProofSize = 32;

    /// <summary>Label of the client's proof.</summary>
    private static readonly byte[] ClientLabel = "remoteio-client-proof-v1"u8.ToArray();

    /// <summary>Label of the server's proof.</summary>
    private static readonly byte[] ServerLabel = "remoteio-server-proof-v1"u8.ToArray();

    /// <summary>A fresh random nonce.</summary>
    /// <returns><see cref="NonceSize"/> random bytes.</returns>
    public static byte[] NewNonce() => RandomNumberGenerator.GetBytes(NonceSize);

    /// <summary>A nonce for a server without a secret, where no proof is ever computed over it.</summary>
    /// <returns><see cref="NonceSize"/> bytes from two version-4 GUIDs.</returns>
    /// <remarks>
    /// The Hello still carries a nonce of the protocol's size, but drawing it from
    /// RandomNumberGenerator would load OpenSSL (about 5 MiB resident) into a loopback host that
    /// authenticates nobody. With a secret, <see cref="NewNonce"/> is used.
    /// </remarks>
    public static byte[] NewUnauthenticatedNonce()
    {
        var nonce = new byte[NonceSize];
        _ = Guid.NewGuid().TryWriteBytes(nonce);
        _ = Guid.NewGuid().TryWriteBytes(nonce.AsSpan(16));
        return nonce;
    }

    /// <summary>The client's proof over <paramref name="transcript"/>.</summary>
    /// <param name="secret">The shared secret.</param>
    /// <param name="transcript">What the proof binds.</param>
    /// <returns>32 bytes.</returns>
    public static byte[] Client(SharedSecret secret, in Transcript transcript) => Compute(secret, ClientLabel, transcript);

    /// <summary>The server's proof over <paramref name="transcript"/>.</summary>
    /// <param name="secret">The shared secret.</param>
    /// <param name="transcript">What the proof binds.</param>
    /// <returns>32 bytes.</returns>
    public static byte[] Server(SharedSecret secret, in Transcript transcript) => Compute(secret, ServerLabel, transcript);

    /// <summary>Constant-time comparison of a received proof with the expected one.</summary>
    /// <param name="expected">The proof computed locally.</param>
    /// <param name="received">The proof from the wire (any length).</param>
    /// <returns>True when they are equal.</returns>
    public static bool Matches(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> received) =>
        received.Length == expected.Length && CryptographicOperations.FixedTimeEquals(expected, received);

    /// <summary>HMAC(secret, label || T) with T laid out as remote.proto specifies.</summary>
    private static byte[] Compute(SharedSecret secret, byte[] label, in Transcript t)
    {
        var message = new ArrayBufferWriter<byte>(256);
        message.Write(label);
        Field(message, t.ServerNonce);
        Field(message, t.ClientNonce);
        Field(message, Encoding.UTF8.GetBytes(t.ClientId));
        BinaryPrimitives.WriteUInt64BigEndian(message.GetSpan(8), t.Incarnation);
        message.Advance(8);
        Field(message, Encoding.UTF8.GetBytes(t.ClientAddress));
        Field(message, Encoding.UTF8.GetBytes(t.ServerAddress));
        BinaryPrimitives.WriteUInt32BigEndian(message.GetSpan(4), t.ProtocolVersion);
        message.Advance(4);
        return secret.Mac(message.WrittenSpan);
    }

    /// <summary>F(x) = U32(length) || x.</summary>
    private static void Field(ArrayBufferWriter<byte> into, ReadOnlySpan<byte> value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(into.GetSpan(4), (uint)value.Length);
        into.Advance(4);
        into.Write(value);
    }

    /// <summary>What a proof binds (remote.proto "Authentication").</summary>
    /// <param name="ServerNonce">Hello.server_nonce.</param>
    /// <param name="ClientNonce">Associate.client_nonce.</param>
    /// <param name="ClientId">Associate.client_id.</param>
    /// <param name="Incarnation">Associate.incarnation.</param>
    /// <param name="ClientAddress">Associate.client_address.</param>
    /// <param name="ServerAddress">Hello.server_address.</param>
    /// <param name="ProtocolVersion">Associate.protocol_version.</param>
    internal readonly record struct Transcript(
        byte[] ServerNonce,
        byte[] ClientNonce,
        string ClientId,
        ulong Incarnation,
        string ClientAddress,
        string ServerAddress,
        uint ProtocolVersion);
}
