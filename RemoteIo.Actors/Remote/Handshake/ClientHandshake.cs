using Google.Protobuf;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Protocol.Remoting;
using RemoteIo.Actors.Remote.Framing;
using RemoteIo.Actors.Remote.Transports;

namespace RemoteIo.Actors.Remote.Handshake;

/// <summary>The connecting side of the handshake: read Hello, send Associate, check AssociateAck.</summary>
internal static class ClientHandshake
{
    /// <summary>Runs the handshake on a fresh connection.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="options">The client's identity, secret and versions.</param>
    /// <param name="cancellationToken">Cancelled by the connect timeout.</param>
    /// <returns>What the server accepted.</returns>
    /// <exception cref="AuthenticationException">Wrong secret, no secret, or an impostor server.</exception>
    /// <exception cref="AssociationRefusedException">Versions do not overlap, or the server refused for another reason.</exception>
    /// <exception cref="TransportException">The connection closed during the handshake.</exception>
    public static async Task<AssociateAccepted> ConnectAsync(TransportConnection connection, ClientHandshakeOptions options, CancellationToken cancellationToken)
    {
        var where = connection.Description;
        var hello = await ReadAsync(connection, where, cancellationToken).ConfigureAwait(false) switch
        {
            { KindCase: Frame.KindOneofCase.Hello } frame => frame.Hello,
            var other => throw new AssociationRefusedException(DisassociateReason.UnexpectedFrame, $"{where}: expected Hello, got {other.KindCase}"),
        };

        if (!Address.TryParse(hello.ServerAddress, out var serverAddress) || !serverAddress!.HasGlobalScope || hello.ServerNonce.Length != HandshakeProof.NonceSize)
        {
            var text = $"invalid Hello: server address '{hello.ServerAddress}', nonce of {hello.ServerNonce.Length} bytes";
            await RefuseAsync(connection, DisassociateReason.InvalidAssociate, text, cancellationToken).ConfigureAwait(false);
            throw new AssociationRefusedException(DisassociateReason.InvalidAssociate, $"{where}: {text}");
        }

        var serverVersions = new ProtocolVersionRange(hello.MinProtocolVersion, hello.ProtocolVersion);
        if (!options.Versions.TryNegotiate(serverVersions, out var version))
        {
            var text = $"no common protocol version: the server speaks {serverVersions}, this client {options.Versions}";
            await RefuseAsync(connection, DisassociateReason.ProtocolVersionMismatch, text, cancellationToken).ConfigureAwait(false);
            throw new AssociationRefusedException(DisassociateReason.ProtocolVersionMismatch, $"{where}: {text}");
        }

        if (hello.AuthenticationRequired != options.Secret is not null)
        {
            var text = hello.AuthenticationRequired
                ? "the server requires authentication and this client has no secret configured (remoteio.remote.secret-file)"
                : "this client has a secret but the server does not authenticate (it has none): refusing an unauthenticated server";
            await RefuseAsync(connection, DisassociateReason.AuthenticationFailed, text, cancellationToken).ConfigureAwait(false);
            throw new AuthenticationException($"{where}: {text}");
        }

        var clientNonce = HandshakeProof.NewNonce();
        var transcript = new HandshakeProof.Transcript(
            hello.ServerNonce.ToByteArray(), clientNonce, options.ClientId, options.Incarnation, options.ClientAddress, hello.ServerAddress, version);
        var associate = new Associate
        {
            ProtocolVersion = version,
            ClientAddress = options.ClientAddress,
            ClientId = options.ClientId,
            Incarnation = options.Incarnation,
            ClientNonce = ByteString.CopyFrom(clientNonce),
            Proof = options.Secret is { } secret ? ByteString.CopyFrom(HandshakeProof.Client(secret, transcript)) : ByteString.Empty,
        };
        await FrameIO.WriteFrameAsync(connection.Output, new Frame { Associate = associate }, cancellationToken).ConfigureAwait(false);

        var answer = await ReadAsync(connection, where, cancellationToken).ConfigureAwait(false);
        if (answer.KindCase != Frame.KindOneofCase.AssociateAck)
        {
            throw new AssociationRefusedException(DisassociateReason.UnexpectedFrame, $"{where}: expected AssociateAck, got {answer.KindCase}");
        }

        var ack = answer.AssociateAck;
        if (options.Secret is { } key && !HandshakeProof.Matches(HandshakeProof.Server(key, transcript), ack.ServerProof.Span))
        {
            const string text = "the server's proof is wrong: it does not know the shared secret (an impostor?)";
            await RefuseAsync(connection, DisassociateReason.AuthenticationFailed, text, cancellationToken).ConfigureAwait(false);
            throw new AuthenticationException($"{where}: {text}");
        }

        return new AssociateAccepted(
            hello.ServerAddress,
            hello.ServerIncarnation,
            version,
            ack.Resumed,
            TimeSpan.FromMilliseconds(ack.HeartbeatIntervalMs),
            TimeSpan.FromMilliseconds(ack.AcceptableHeartbeatPauseMs));
    }

    /// <summary>Reads the next frame; a Disassociate becomes the matching exception.</summary>
    private static async Task<Frame> ReadAsync(TransportConnection connection, string where, CancellationToken cancellationToken)
    {
        Frame? frame;
        try
        {
            frame = await FrameIO.ReadFrameAsync(connection.Input, ServerHandshake.PreAssociationMaxFrameSize, cancellationToken).ConfigureAwait(false);
        }
        catch (LinkProtocolException ex)
        {
            throw new AssociationRefusedException(ex.Reason, $"{where}: {ex.Message}");
        }

        return frame switch
        {
            null => throw new TransportException($"{where}: the server closed the connection during the handshake"),
            { KindCase: Frame.KindOneofCase.Disassociate } when frame.Disassociate.Reason == DisassociateReason.AuthenticationFailed =>
                throw new AuthenticationException($"{where}: the server refused the authentication: {frame.Disassociate.Message}"),
            { KindCase: Frame.KindOneofCase.Disassociate } =>
                throw new AssociationRefusedException(frame.Disassociate.Reason, $"{where}: the server refused the association ({frame.Disassociate.Reason}): {frame.Disassociate.Message}"),
            _ => frame,
        };
    }

    /// <summary>Tells the server why this client gives up (best effort).</summary>
    private static async Task RefuseAsync(TransportConnection connection, DisassociateReason reason, string text, CancellationToken cancellationToken)
    {
        try
        {
            var frame = new Frame { Disassociate = new Disassociate { Reason = reason, Message = text } };
            await FrameIO.WriteFrameAsync(connection.Output, frame, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or OperationCanceledException)
        {
            // the server is gone already; the exception the caller throws says what matters
        }
    }
}
