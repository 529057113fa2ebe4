using System.Net;
using Google.Protobuf;
using RemoteIo.Actors.Protocol;
using RemoteIo.Actors.Protocol.Remoting;
using RemoteIo.Actors.Remote.Framing;
using RemoteIo.Actors.Remote.Handshake;
using RemoteIo.Actors.Remote.Transports;

namespace RemoteIo.Actors.Remote.Links;

/// <summary>
/// The link layer of one actor system: listens (server side), connects (client side), runs the
/// handshakes, keeps the associations (one per client id on a server, one per target on a
/// client), decodes inbound deliveries through the <see cref="MessageRegistry"/> and reports
/// everything to an <see cref="IRemoteNodeHandler"/>. It knows nothing about actors.
/// </summary>
internal sealed partial class RemoteNode : IAsyncDisposable
{
    /// <summary>Guards the association tables, listeners and targets.</summary>
    private readonly Lock _gate = new();

    /// <summary>Inbound associations by client id.</summary>
    private readonly Dictionary<string, Association> _inbound = new(StringComparer.Ordinal);

    /// <summary>Connection targets of this client, each with its current association.</summary>
    private readonly List<OutboundTarget> _targets = [];

    /// <summary>Open listeners with their accept loops.</summary>
    private readonly List<(TransportListener Listener, Task Accepting)> _listeners = [];

    /// <summary>Handshakes and reconnects in progress (awaited on shutdown).</summary>
    private readonly HashSet<Task> _background = [];

    /// <summary>Cancelled on shutdown.</summary>
    private readonly CancellationTokenSource _shutdown = new();

    /// <summary>Where events go.</summary>
    private readonly IRemoteNodeHandler _handler;

    /// <summary>Decodes inbound payloads.</summary>
    private readonly MessageRegistry _registry;

    /// <summary>Numbers associations.</summary>
    private long _nextUid;

    /// <summary>Creates a node.</summary>
    /// <param name="identity">This system's address, incarnation and client id.</param>
    /// <param name="settings">Remote settings.</param>
    /// <param name="registry">The message types accepted from peers.</param>
    /// <param name="time">The clock of heartbeats, timeouts, grace periods and backoff.</param>
    /// <param name="log">Where to log.</param>
    /// <param name="handler">Where to report.</param>
    public RemoteNode(NodeIdentity identity, RemoteSettings settings, MessageRegistry registry, TimeProvider time, IRemoteLog log, IRemoteNodeHandler handler)
    {
        Identity = identity;
        Settings = settings;
        _registry = registry;
        Time = time;
        Log = log;
        _handler = handler;
        Versions = ProtocolVersionRange.Current;
    }

    /// <summary>This system's address, incarnation and client id.</summary>
    public NodeIdentity Identity { get; }

    /// <summary>Remote settings.</summary>
    public RemoteSettings Settings { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>Where to log.</summary>
    public IRemoteLog Log { get; }

    /// <summary>The protocol versions this node speaks (tests narrow it to provoke mismatches).</summary>
    public ProtocolVersionRange Versions { get; init; }

    /// <summary>Every association that has not terminated.</summary>
    public IReadOnlyList<Association> Associations
    {
        get
        {
            lock (_gate)
            {
                return [.. _inbound.Values, .. _targets.Select(t => t.Current).OfType<Association>().Where(a => a.State != AssociationState.Terminated)];
            }
        }
    }

    /// <summary>The endpoints listened on.</summary>
    public IReadOnlyList<EndPoint> ListenEndPoints
    {
        get
        {
            lock (_gate)
            {
                return [.. _listeners.Select(l => l.Listener.LocalEndPoint)];
            }
        }
    }

    /// <summary>
    /// Binds <paramref name="endPoint"/> and accepts clients there. Authentication is required when
    /// a secret is configured; without one only a loopback address, a restricted Unix socket or the
    /// in-memory transport may be used, and the decision is logged either way.
    /// </summary>
    /// <param name="transport">The transport.</param>
    /// <param name="endPoint">Where to listen.</param>
    /// <param name="cancellationToken">Cancels the bind.</param>
    /// <returns>The listener (its <see cref="TransportListener.LocalEndPoint"/> has the real port).</returns>
    /// <exception cref="InvalidOperationException">No secret is configured and the endpoint is reachable by others.</exception>
    /// <exception cref="TransportException">The endpoint cannot be bound.</exception>
    public async Task<TransportListener> ListenAsync(RemoteTransport transport, EndPoint endPoint, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_shutdown.IsCancellationRequested, this);
        var listener = await transport.ListenAsync(endPoint, cancellationToken).ConfigureAwait(false);
        await ServeAsync(listener).ConfigureAwait(false);
        return listener;
    }

    /// <summary>
    /// Accepts clients on an already bound listener (see <see cref="ListenAsync"/> for the
    /// authentication rule). The listener is disposed when it may not be used.
    /// </summary>
    /// <param name="listener">A bound listener.</param>
    /// <returns>A task that completes once accepting has started.</returns>
    /// <exception cref="InvalidOperationException">No secret is configured and the endpoint is reachable by others.</exception>
    public async Task ServeAsync(TransportListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        var secret = Settings.Secret;
        if (_shutdown.IsCancellationRequested || (secret is null && listener.Exposure is ListenerExposure.Network or ListenerExposure.OpenUnixSocket))
        {
            await listener.DisposeAsync().ConfigureAwait(false);
            ObjectDisposedException.ThrowIf(_shutdown.IsCancellationRequested, this);
            throw new InvalidOperationException(
                $"refusing to listen without authentication: {listener.ExposureDescription}. Configure a shared secret "
                + "(remoteio.remote.secret-file) or listen on a loopback address or a Unix socket other users cannot open.");
        }

        Log.Log(RemoteLogLevel.Info, secret is null
            ? $"authentication off: {listener.ExposureDescription}"
            : $"authentication required: {listener.ExposureDescription}");
        var options = new ServerHandshakeOptions(Identity.Address, Identity.Incarnation, secret, Versions);
        lock (_gate)
        {
            _listeners.Add((listener, AcceptLoopAsync(listener, options)));
        }
    }

    /// <summary>Stops accepting new connections (listeners closed); established associations stay.</summary>
    /// <returns>A task that completes when every listener is closed and its accept loop ended.</returns>
    public async Task StopListeningAsync()
    {
        (TransportListener Listener, Task Accepting)[] listeners;
        lock (_gate)
        {
            listeners = [.. _listeners];
            _listeners.Clear();
        }

        foreach (var (listener, _) in listeners)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(listeners.Select(l => l.Accepting)).ConfigureAwait(false);
    }

    /// <summary>
    /// Connects to a server and associates with it (one attempt, bounded by the connect timeout).
    /// With reconnect enabled, a lost link is re-established in the background with backoff.
    /// </summary>
    /// <param name="transport">The transport.</param>
    /// <param name="endPoint">The server's endpoint.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>The association.</returns>
    /// <exception cref="AuthenticationException">Wrong, missing or unproven secret.</exception>
    /// <exception cref="AssociationRefusedException">The server refused (e.g. no common protocol version).</exception>
    /// <exception cref="TransportException">The server cannot be reached.</exception>
    /// <exception cref="TimeoutException">Connecting took longer than the connect timeout.</exception>
    public async Task<Association> ConnectAsync(RemoteTransport transport, EndPoint endPoint, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_shutdown.IsCancellationRequested, this);
        var target = new OutboundTarget(transport, endPoint);
        var association = await ConnectOnceAsync(target, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _targets.Add(target);
        }

        return association;
    }

    /// <summary>Finds the association an outbound target currently has.</summary>
    /// <param name="endPoint">The endpoint passed to <see cref="ConnectAsync"/>.</param>
    /// <returns>The association, or null.</returns>
    public Association? FindOutbound(EndPoint endPoint)
    {
        lock (_gate)
        {
            return _targets.FirstOrDefault(t => t.EndPoint.Equals(endPoint))?.Current;
        }
    }

    /// <summary>Decodes a delivery and hands it up, or rejects it back to the sender side.</summary>
    /// <param name="association">Where it came from.</param>
    /// <param name="deliver">The frame.</param>
    public void HandleDeliver(Association association, in DeliverFrame deliver)
    {
        IMessage message;
        try
        {
            message = _registry.Parse(deliver.TypeName, deliver.Payload);
        }
        catch (UnknownMessageTypeException ex)
        {
            Reject(association, deliver, DeliveryRejectReason.UnknownType, $"{ex.Message}; the message for {deliver.Recipient} was not delivered");
            return;
        }
        catch (InvalidProtocolBufferException ex)
        {
            Reject(association, deliver, DeliveryRejectReason.MalformedPayload, $"the payload does not parse as '{deliver.TypeName}': {ex.Message}");
            return;
        }

        _handler.OnDelivery(association, new InboundDelivery(deliver.Recipient, deliver.Sender, deliver.TypeName, message, deliver.Sequence, deliver.CorrelationId));
    }

    /// <summary>Rejects a delivery: logs it and sends DeliveryRejected back over the same association.</summary>
    /// <param name="association">Where it came from.</param>
    /// <param name="deliver">The frame.</param>
    /// <param name="reason">Why.</param>
    /// <param name="message">Detail for the log and the sender.</param>
    public void Reject(Association association, in DeliverFrame deliver, DeliveryRejectReason reason, string message) =>
        Reject(association, new DeliveryRejected
        {
            Sequence = deliver.Sequence,
            Recipient = deliver.Recipient,
            Sender = deliver.Sender,
            TypeName = deliver.TypeName,
            Reason = reason,
            Message = message,
            CorrelationId = deliver.CorrelationId,
        });

    /// <summary>Rejects a decoded delivery the layer above could not hand to an actor.</summary>
    /// <param name="association">Where it came from.</param>
    /// <param name="delivery">The delivery.</param>
    /// <param name="reason">Why.</param>
    /// <param name="message">Detail for the log and the sender.</param>
    public void Reject(Association association, in InboundDelivery delivery, DeliveryRejectReason reason, string message) =>
        Reject(association, new DeliveryRejected
        {
            Sequence = delivery.Sequence,
            Recipient = delivery.Recipient,
            Sender = delivery.Sender,
            TypeName = delivery.TypeName,
            Reason = reason,
            Message = message,
            CorrelationId = delivery.CorrelationId,
        });

    /// <summary>Logs a rejection and sends it to the peer.</summary>
    private void Reject(Association association, DeliveryRejected rejected)
    {
        Log.Log(RemoteLogLevel.Warning, $"{association.Info}: rejected a delivery: {rejected.Message}");
        association.Queue.TryEnqueueControl(new OutboundItem(new Frame { DeliveryRejected = rejected }));
    }

    /// <summary>The peer rejected one of our deliveries: log and report.</summary>
    /// <param name="association">The association.</param>
    /// <param name="rejected">The peer's report.</param>
    public void HandleRejected(Association association, DeliveryRejected rejected)
    {
        Log.Log(RemoteLogLevel.Warning, $"{association.Info}: the peer rejected a message of type '{rejected.TypeName}' for {rejected.Recipient}: {rejected.Reason} {rejected.Message}");
        _handler.OnDeliveryRejected(association, rejected);
    }

    /// <summary>A remote death-watch frame: handed to the layer above, which keeps the watches.</summary>
    /// <param name="association">Where it came from.</param>
    /// <param name="frame">WatchRequest, UnwatchRequest or WatchTerminated.</param>
    public void HandleDeathWatch(Association association, Frame frame) => _handler.OnDeathWatch(association, frame);

    /// <summary>A message of ours could not be sent: report it (the layer above logs it with its recipient).</summary>
    /// <param name="association">The association.</param>
    /// <param name="item">The message.</param>
    /// <param name="reason">Why.</param>
    public void OnUndeliverable(Association association, in OutboundItem item, string reason) => _handler.OnUndeliverable(association, item, reason);

    /// <summary>An association went dormant.</summary>
    /// <param name="association">The association.</param>
    /// <param name="info">Why its link closed.</param>
    public void OnLinkLost(Association association, LinkCloseInfo info)
    {
        Log.Log(RemoteLogLevel.Info, $"{association.Info}: link lost ({info}); waiting up to {Settings.ResumeGracePeriod} for it to resume");
        _handler.OnLinkLost(association, info);
        StartReconnectIfWanted(association);
    }

    /// <summary>An association terminated: forget it and report.</summary>
    /// <param name="association">The association.</param>
    /// <param name="reason">Why.</param>
    public void OnTerminated(Association association, string reason)
    {
        lock (_gate)
        {
            if (_inbound.TryGetValue(association.Info.ClientId, out var current) && ReferenceEquals(current, association))
            {
                _inbound.Remove(association.Info.ClientId);
            }
        }

        Log.Log(RemoteLogLevel.Info, $"association with {association.Info} terminated: {reason}");
        _handler.OnTerminated(association, reason);
        StartReconnectIfWanted(association);
    }

    /// <summary>
    /// Shuts down: stops listening, gives queued messages up to the shutdown flush timeout to be
    /// written, then terminates every association with Disassociate SHUTDOWN.
    /// </summary>
    /// <returns>A task that completes when every link is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_shutdown.IsCancellationRequested)
        {
            return;
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        await StopListeningAsync().ConfigureAwait(false);
        Task[] background;
        lock (_gate)
        {
            background = [.. _background];
        }

        await Task.WhenAll(background).ConfigureAwait(false);
        var associations = Associations;
        await FlushAsync(associations).ConfigureAwait(false);
        var links = associations.Select(a => a.CurrentLink).OfType<Link>().ToArray();
        foreach (var association in associations)
        {
            association.Terminate("this node is shutting down", DisassociateReason.Shutdown);
        }

        await Task.WhenAll(links.Select(l => l.Closed)).ConfigureAwait(false);
        _shutdown.Dispose();
    }

    /// <summary>Waits (bounded by the shutdown flush timeout, real time) until the active associations' queues are empty.</summary>
    private async Task FlushAsync(IReadOnlyList<Association> associations)
    {
        var deadline = Environment.TickCount64 + (long)Settings.ShutdownFlushTimeout.TotalMilliseconds;
        while (associations.Any(a => a.State == AssociationState.Active && a.Queue.Count > 0) && Environment.TickCount64 < deadline)
        {
            await Task.Delay(5).ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="work"/> in the background, tracked so shutdown can wait for it.</summary>
    private void Track(Func<Task> work)
    {
        var task = Task.Run(work);
        lock (_gate)
        {
            _background.Add(task);
        }

        _ = task.ContinueWith(
            t =>
            {
                lock (_gate)
                {
                    _background.Remove(t);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>A new association's info.</summary>
    private AssociationInfo NewInfo(AssociationDirection direction, string remoteAddress, ulong remoteIncarnation, string clientId, ulong clientIncarnation, uint version, string endPoint) =>
        new(Interlocked.Increment(ref _nextUid), direction, Identity.Address, remoteAddress, remoteIncarnation, clientId, clientIncarnation, version, endPoint, Time.GetUtcNow());
}
