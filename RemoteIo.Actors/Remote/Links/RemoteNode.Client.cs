using System.Globalization;
using Polly;
using Polly.Retry;
using RemoteIo.Actors.Protocol.Remoting;
using RemoteIo.Actors.Remote.Handshake;
using RemoteIo.Actors.Remote.Transports;

namespace RemoteIo.Actors.Remote.Links;

/// <summary>The client side of the node: connecting, resuming, reconnecting with backoff.</summary>
internal sealed partial class RemoteNode
{
    /// <summary>One connect-and-handshake attempt; installs or resumes the target's association.</summary>
    private async Task<Association> ConnectOnceAsync(OutboundTarget target, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(Settings.ConnectTimeout, Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token, _shutdown.Token);
        TransportConnection connection;
        try
        {
            connection = await target.Transport.ConnectAsync(target.EndPoint, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"connecting to {target.EndPoint} timed out after {Settings.ConnectTimeout}");
        }

        AssociateAccepted accepted;
        try
        {
            var options = new ClientHandshakeOptions(Identity.Address, Identity.ClientId, Identity.Incarnation, Settings.Secret, Versions);
            accepted = await ClientHandshake.ConnectAsync(connection, options, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            connection.Abort();
            throw new TimeoutException($"the handshake with {target.EndPoint} did not complete within {Settings.ConnectTimeout}");
        }
        catch (Exception ex) when (ex is AuthenticationException or AssociationRefusedException)
        {
            // The handshake said goodbye (a Disassociate may be on its way): close after it, not with
            // a reset that could destroy it before the server reads why.
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        catch
        {
            connection.Abort();
            throw;
        }

        var (association, resumed, stale) = RegisterOutbound(target, accepted, connection);
        stale?.Terminate(
            stale.Info.RemoteIncarnation != accepted.ServerIncarnation
                ? "the server restarted (new incarnation)"
                : "the server did not resume the association (its grace period had ended)",
            reasonToPeer: null);
        var heartbeat = accepted.ServerHeartbeatInterval > TimeSpan.Zero && accepted.ServerHeartbeatInterval < Settings.HeartbeatInterval
            ? accepted.ServerHeartbeatInterval
            : Settings.HeartbeatInterval;
        var link = new Link(connection, association, Settings, heartbeat, Time, Log);
        if (!await association.AttachAsync(link).ConfigureAwait(false))
        {
            throw new AssociationRefusedException(DisassociateReason.Shutdown, $"the association with {target.EndPoint} terminated while connecting");
        }

        Log.Log(RemoteLogLevel.Info, resumed ? $"{association.Info}: resumed" : $"{association.Info}: associated");
        _handler.OnAssociated(association, resumed);
        return association;
    }

    /// <summary>Resumes the target's association if the server did, otherwise installs a new one.</summary>
    private (Association Association, bool Resumed, Association? Stale) RegisterOutbound(OutboundTarget target, AssociateAccepted accepted, TransportConnection connection)
    {
        lock (_gate)
        {
            var current = target.Current;
            if (current is not null && current.State != AssociationState.Terminated && accepted.Resumed
                && current.Info.RemoteIncarnation == accepted.ServerIncarnation)
            {
                return (current, true, null);
            }

            var info = NewInfo(AssociationDirection.Outbound, accepted.ServerAddress, accepted.ServerIncarnation, Identity.ClientId, Identity.Incarnation, accepted.ProtocolVersion, connection.Description);
            var association = new Association(this, info, Settings.OutboundQueueCapacity) { TargetEndPoint = target.EndPoint };
            target.Current = association;
            return (association, false, current is { State: not AssociationState.Terminated } ? current : null);
        }
    }

    /// <summary>Starts the reconnect loop for an outbound association's target, if reconnecting is on and none runs.</summary>
    private void StartReconnectIfWanted(Association association)
    {
        if (association.Info.Direction != AssociationDirection.Outbound || !Settings.Reconnect.IsEnabled || _shutdown.IsCancellationRequested)
        {
            return;
        }

        OutboundTarget? target;
        lock (_gate)
        {
            target = _targets.FirstOrDefault(t => ReferenceEquals(t.Current, association));
            if (target is null || target.Reconnecting)
            {
                return;
            }

            target.Reconnecting = true;
        }

        Track(() => ReconnectAsync(target));
    }

    /// <summary>Connects again with exponential backoff and jitter until it works, gives up, or the node shuts down.</summary>
    private async Task ReconnectAsync(OutboundTarget target)
    {
        var policy = Settings.Reconnect;
        var options = new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder()
                .Handle<TransportException>()
                .Handle<TimeoutException>()
                .Handle<AssociationRefusedException>(ex => ex.Reason != DisassociateReason.ProtocolVersionMismatch),
            MaxRetryAttempts = policy.MaxAttempts == 0 ? int.MaxValue : policy.MaxAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = policy.MinBackoff,
            MaxDelay = policy.MaxBackoff,
            OnRetry = args =>
            {
                Log.Log(RemoteLogLevel.Debug, string.Create(
                    CultureInfo.InvariantCulture,
                    $"reconnecting to {target.EndPoint}: attempt {args.AttemptNumber + 1} failed ({args.Outcome.Exception?.Message}); next in {args.RetryDelay.TotalMilliseconds:0} ms"));
                return default;
            },
        };
        var pipeline = new ResiliencePipelineBuilder { TimeProvider = Time }.AddRetry(options).Build();
        Log.Log(RemoteLogLevel.Info, $"reconnecting to {target.EndPoint}");
        try
        {
            await pipeline.ExecuteAsync(async token => await ConnectOnceAsync(target, token).ConfigureAwait(false), _shutdown.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_shutdown.IsCancellationRequested)
        {
            // shutting down
        }
        catch (Exception ex)
        {
            Log.Log(RemoteLogLevel.Warning, $"gave up reconnecting to {target.EndPoint}: {ex.Message}", ex);
            target.Current?.Terminate($"reconnecting failed: {ex.Message}", reasonToPeer: null);
        }
        finally
        {
            lock (_gate)
            {
                target.Reconnecting = false;
            }
        }
    }
}
