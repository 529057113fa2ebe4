using RemoteIo.Actors.Protocol.Remoting;
using RemoteIo.Actors.Remote.Framing;
using RemoteIo.Actors.Remote.Handshake;
using RemoteIo.Actors.Remote.Transports;

namespace RemoteIo.Actors.Remote.Links;

/// <summary>The server side of the node: accepting, handshaking, registering inbound associations.</summary>
internal sealed partial class RemoteNode
{
    /// <summary>Accepts connections until the listener is disposed; each gets its own handshake.</summary>
    private async Task AcceptLoopAsync(TransportListener listener, ServerHandshakeOptions options)
    {
        while (await listener.AcceptAsync().ConfigureAwait(false) is { } connection)
        {
            Track(() => HandleInboundAsync(connection, options));
        }
    }

    /// <summary>Runs the server handshake on a new connection and starts its link.</summary>
    private async Task HandleInboundAsync(TransportConnection connection, ServerHandshakeOptions options)
    {
        using var timeout = new CancellationTokenSource(Settings.HandshakeTimeout, Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _shutdown.Token);
        AssociateRequest request;
        try
        {
            request = await ServerHandshake.AcceptAsync(connection, options, linked.Token).ConfigureAwait(false);
        }
        catch (HandshakeException ex)
        {
            var level = ex.Reason is DisassociateReason.AuthenticationFailed or DisassociateReason.ProtocolVersionMismatch
                ? RemoteLogLevel.Warning
                : RemoteLogLevel.Info;
            Log.Log(level, $"{connection.Description}: handshake refused: {ex.Message}");
            await RefuseAsync(connection, ex.NotifyPeer ? ex.Reason : null, ex.Message).ConfigureAwait(false);
            return;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            var text = $"the handshake did not complete within {Settings.HandshakeTimeout}";
            Log.Log(RemoteLogLevel.Info, $"{connection.Description}: {text}");
            await RefuseAsync(connection, DisassociateReason.HandshakeTimeout, text).ConfigureAwait(false);
            return;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
        {
            Log.Log(RemoteLogLevel.Debug, $"{connection.Description}: handshake ended: {ex.Message}");
            connection.Abort();
            return;
        }

        var (association, resumed, replaced) = RegisterInbound(request, connection);
        replaced?.Terminate(
            $"client '{request.ClientId}' associated again with a new incarnation ({request.Incarnation:x16}) from {connection.Description}",
            DisassociateReason.NewIncarnation);
        try
        {
            await ServerHandshake.SendAckAsync(connection, request, resumed, Settings, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
        {
            Log.Log(RemoteLogLevel.Debug, $"{connection.Description}: could not acknowledge the association: {ex.Message}");
            connection.Abort();
            if (!resumed)
            {
                association.Terminate("the client left during the handshake", reasonToPeer: null);
            }

            return;
        }

        var link = new Link(connection, association, Settings, Settings.HeartbeatInterval, Time, Log);
        if (await association.AttachAsync(link).ConfigureAwait(false))
        {
            Log.Log(RemoteLogLevel.Info, resumed ? $"{association.Info}: resumed" : $"{association.Info}: associated");
            _handler.OnAssociated(association, resumed);
        }
    }

    /// <summary>
    /// Finds or creates the association for a verified request: the same client id and
    /// incarnation resumes a live or dormant association; a new incarnation replaces it.
    /// </summary>
    private (Association Association, bool Resumed, Association? Replaced) RegisterInbound(AssociateRequest request, TransportConnection connection)
    {
        lock (_gate)
        {
            if (_inbound.TryGetValue(request.ClientId, out var existing) && existing.State != AssociationState.Terminated)
            {
                if (existing.Info.ClientIncarnation == request.Incarnation)
                {
                    return (existing, true, null);
                }
            }
            else
            {
                existing = null;
            }

            var info = NewInfo(AssociationDirection.Inbound, request.ClientAddress, request.Incarnation, request.ClientId, request.Incarnation, request.ProtocolVersion, connection.Description);
            var association = new Association(this, info, Settings.OutboundQueueCapacity);
            _inbound[request.ClientId] = association;
            return (association, false, existing);
        }
    }

    /// <summary>Sends a Disassociate (when a reason is given) and closes the connection.</summary>
    private static async Task RefuseAsync(TransportConnection connection, DisassociateReason? reason, string text)
    {
        if (reason is { } why)
        {
            try
            {
                using var goodbye = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                var frame = new Frame { Disassociate = new Disassociate { Reason = why, Message = text } };
                await FrameIO.WriteFrameAsync(connection.Output, frame, goodbye.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or OperationCanceledException)
            {
                connection.Abort();
                return;
            }
        }

        await connection.DisposeAsync().ConfigureAwait(false);
    }
}
