using System.Globalization;
using Google.Protobuf;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Protocol.Remoting;
using RemoteIo.Actors.Remote.Framing;
using RemoteIo.Actors.Remote.Transports;

namespace RemoteIo.Actors.Remote.Handshake;

/// <summary>The accepting side of the handshake: Hello, then check the client's Associate.</summary>
internal static class ServerHandshake
{
    /// <summary>Largest frame accepted before a client is authenticated: Associate is small, and an unauthenticated peer must not make us buffer megabytes.</summary>
    public const int PreAssociationMaxFrameSize = 64 * 1024;

    /// <summary>Longest client address accepted, in characters.</summary>
    private const int MaxAddressLength = 512;

    /// <summary>Sends Hello and reads and checks the client's Associate.</summary>
    /// <param name="connection">The accepted connection.</param>
    /// <param name="options">This server's identity, secret and versions.</param>
    /// <param name="cancellationToken">Cancelled by the handshake timeout.</param>
    /// <returns>The verified request; the caller decides new/resumed and calls <see cref="SendAckAsync"/>.</returns>
    /// <exception cref="HandshakeException">The client sent something unacceptable or left.</exception>
    public static async Task<AssociateRequest> AcceptAsync(TransportConnection connection, ServerHandshakeOptions options, CancellationToken cancellationToken)
    {
        var serverNonce = options.Secret is null ? HandshakeProof.NewUnauthenticatedNonce() : HandshakeProof.NewNonce();
        var hello = new Hello
        {
            ProtocolVersion = options.Versions.Max,
            MinProtocolVersion = options.Versions.Min,
            ServerNonce = ByteString.CopyFrom(serverNonce),
            AuthenticationRequired = options.Secret is not null,
            ServerAddress = options.ServerAddress,
            ServerIncarnation = options.ServerIncarnation,
        };
        await FrameIO.WriteFrameAsync(connection.Output, new Frame { Hello = hello }, cancellationToken).ConfigureAwait(false);

        Frame? frame;
        try
        {
            frame = await FrameIO.ReadFrameAsync(connection.Input, PreAssociationMaxFrameSize, cancellationToken).ConfigureAwait(false);
        }
        catch (LinkProtocolException ex)
        {
            throw new HandshakeException(ex.Reason, ex.Message);
        }

        var associate = frame switch
        {
            null => throw new HandshakeException(DisassociateReason.Unspecified, "the client closed the connection during the handshake", notifyPeer: false),
            { KindCase: Frame.KindOneofCase.Associate } => frame.Associate,
            { KindCase: Frame.KindOneofCase.Disassociate } => throw new HandshakeException(
                frame.Disassociate.Reason, $"the client broke off the handshake: {frame.Disassociate.Reason} {frame.Disassociate.Message}", notifyPeer: false),
            _ => throw new HandshakeException(DisassociateReason.UnexpectedFrame, $"expected Associate, got {frame.KindCase}"),
        };

        if (!options.Versions.Contains(associate.ProtocolVersion))
        {
            throw new HandshakeException(
                DisassociateReason.ProtocolVersionMismatch,
                string.Create(CultureInfo.InvariantCulture, $"protocol version {associate.ProtocolVersion} is not supported: this server speaks {options.Versions}"));
        }

        CheckFields(associate);
        var transcript = new HandshakeProof.Transcript(
            serverNonce, associate.ClientNonce.ToByteArray(), associate.ClientId, associate.Incarnation,
            associate.ClientAddress, options.ServerAddress, associate.ProtocolVersion);
        var serverProof = Array.Empty<byte>();
        if (options.Secret is { } secret)
        {
            if (!HandshakeProof.Matches(HandshakeProof.Client(secret, transcript), associate.Proof.Span))
            {
                throw new HandshakeException(
                    DisassociateReason.AuthenticationFailed,
                    associate.Proof.IsEmpty ? "authentication required: the client sent no proof (no secret configured?)" : "authentication failed: wrong secret");
            }

            serverProof = HandshakeProof.Server(secret, transcript);
        }

        return new AssociateRequest(associate.ProtocolVersion, associate.ClientAddress, associate.ClientId, associate.Incarnation, serverProof);
    }

    /// <summary>Sends AssociateAck: the association is established.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="request">The verified request.</param>
    /// <param name="resumed">Whether an existing association was resumed.</param>
    /// <param name="settings">Heartbeat settings announced to the client.</param>
    /// <param name="cancellationToken">Cancelled by the handshake timeout.</param>
    /// <returns>A task that completes once the ack is flushed.</returns>
    public static async Task SendAckAsync(TransportConnection connection, AssociateRequest request, bool resumed, RemoteSettings settings, CancellationToken cancellationToken)
    {
        var ack = new AssociateAck
        {
            ProtocolVersion = request.ProtocolVersion,
            ServerProof = ByteString.CopyFrom(request.ServerProof),
            Resumed = resumed,
            HeartbeatIntervalMs = (uint)Math.Ceiling(settings.HeartbeatInterval.TotalMilliseconds),
            AcceptableHeartbeatPauseMs = (uint)Math.Floor(settings.AcceptableHeartbeatPause.TotalMilliseconds),
            ClientAddress = request.ClientAddress,
        };
        await FrameIO.WriteFrameAsync(connection.Output, new Frame { AssociateAck = ack }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rejects identity fields outside remote.proto's ranges.</summary>
    private static void CheckFields(Associate associate)
    {
        var error = ClientIdentity.Validate(associate.ClientId)
            ?? (associate.Incarnation == 0 ? "the incarnation is 0" : null)
            ?? (associate.ClientNonce.Length != HandshakeProof.NonceSize ? $"the client nonce is {associate.ClientNonce.Length} bytes, not {HandshakeProof.NonceSize}" : null)
            ?? (associate.ClientAddress.Length is 0 or > MaxAddressLength ? "the client address is empty or too long" : null)
            ?? (Address.TryParse(associate.ClientAddress, out var address) && address!.HasGlobalScope
                ? null
                : $"the client address '{associate.ClientAddress}' is not an actor system address (protocol://system@host:port)");
        if (error is not null)
        {
            throw new HandshakeException(DisassociateReason.InvalidAssociate, $"invalid Associate: {error}");
        }
    }
}
