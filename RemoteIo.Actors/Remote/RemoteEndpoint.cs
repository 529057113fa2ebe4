using Google.Protobuf;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Kernel.Dispatch;
using RemoteIo.Actors.Kernel.Event;
using RemoteIo.Actors.Protocol.Remoting;
using RemoteIo.Actors.Remote.Links;

namespace RemoteIo.Actors.Remote;

/// <summary>
/// The actor layer's view of one association: it makes <see cref="RemoteActorRef"/>s for paths on
/// the peer, sends through them, dispatches inbound messages to local actors with a remote ref as
/// sender, and keeps the death-watch registrations that become <see cref="Terminated"/> messages
/// when the association ends.
/// </summary>
internal sealed class RemoteEndpoint
{
    /// <summary>Inbound sender references cached per path (bounded; temp paths are never cached).</summary>
    private const int SenderCacheLimit = 1024;

    /// <summary>Guards the caches and the watch table.</summary>
    private readonly Lock _gate = new();

    /// <summary>Sender references by wire path.</summary>
    private readonly Dictionary<string, RemoteActorRef> _senders = new(StringComparer.Ordinal);

    /// <summary>Local recipient paths by wire path.</summary>
    private readonly Dictionary<string, ActorPath> _recipients = new(StringComparer.Ordinal);

    /// <summary>Watched remote actors and who watches them.</summary>
    private readonly Dictionary<RemoteActorRef, List<IInternalActorRef>> _watched = [];

    /// <summary>Local actors the peer watches, with the path it named them by.</summary>
    private readonly Dictionary<IActorRef, string> _watchedByPeer = [];

    /// <summary>Set once the association ended; later watches are answered at once.</summary>
    private bool _terminated;

    /// <summary>Creates the endpoint of an association.</summary>
    /// <param name="remoting">The extension.</param>
    /// <param name="association">The association.</param>
    /// <param name="remoteAddress">The peer system's address.</param>
    public RemoteEndpoint(Remoting remoting, Association association, Address remoteAddress)
    {
        Remoting = remoting;
        Association = association;
        RemoteAddress = remoteAddress;
        Root = ActorPath.RootOf(remoteAddress);
        NoSender = new RemoteActorRef(this, Root / "deadLetters", string.Empty, 0);
        WatcherProxy = new RemoteWatcherRef(this, Root / "system" / "remote-watcher");
    }

    /// <summary>The extension.</summary>
    public Remoting Remoting { get; }

    /// <summary>The association.</summary>
    public Association Association { get; }

    /// <summary>The peer system's address.</summary>
    public Address RemoteAddress { get; }

    /// <summary>The peer system's root path.</summary>
    public ActorPath Root { get; }

    /// <summary>The sender of inbound messages that carry none: replies go to the peer's dead letters.</summary>
    public RemoteActorRef NoSender { get; }

    /// <summary>The peer's watchers as local actors see them.</summary>
    public RemoteWatcherRef WatcherProxy { get; }

    /// <summary>A reference to <paramref name="path"/> (its elements) on the peer.</summary>
    /// <param name="path">A path; its address is replaced with the peer's.</param>
    /// <returns>The reference.</returns>
    public RemoteActorRef RefFor(ActorPath path) => new(this, path.WithAddress(RemoteAddress), path.ToStringWithoutAddress(), 0);

    /// <summary>Sends through <paramref name="recipient"/> (Tell's path; never throws).</summary>
    /// <param name="recipient">The remote actor.</param>
    /// <param name="message">The message.</param>
    /// <param name="sender">The local sender.</param>
    public void Send(RemoteActorRef recipient, object message, IActorRef? sender)
    {
        if (!TryPrepare(recipient, message, sender, out var item))
        {
            return;
        }

        var settings = Remoting.Settings;
        var result = settings.OutboundOverflow == OutboundOverflowMode.Fail
            ? Association.Queue.TryEnqueue(item)
            : Association.Queue.Enqueue(item, settings.OutboundWaitTimeout);
        if (result != EnqueueResult.Enqueued)
        {
            Failed(recipient, message, sender, Describe(result));
        }
    }

    /// <summary>Sends, waiting asynchronously for room while the queue is full.</summary>
    /// <param name="recipient">The remote actor.</param>
    /// <param name="message">The message.</param>
    /// <param name="sender">The local sender.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>True when queued.</returns>
    public async ValueTask<bool> SendAsync(RemoteActorRef recipient, object message, IActorRef? sender, CancellationToken cancellationToken)
    {
        if (!TryPrepare(recipient, message, sender, out var item))
        {
            return false;
        }

        var result = await Association.Queue.EnqueueAsync(item, Remoting.Settings.OutboundWaitTimeout, Remoting.System.TimeProvider, cancellationToken).ConfigureAwait(false);
        if (result == EnqueueResult.Enqueued)
        {
            return true;
        }

        Failed(recipient, message, sender, Describe(result));
        return false;
    }

    /// <summary>Hands an inbound message to its local recipient, with a remote ref as sender.</summary>
    /// <param name="delivery">The decoded message.</param>
    /// <returns>Null when delivered, else why the recipient path is invalid.</returns>
    public string? Deliver(in InboundDelivery delivery)
    {
        ActorPath? recipient;
        lock (_gate)
        {
            if (!_recipients.TryGetValue(delivery.Recipient, out recipient))
            {
                recipient = ParseRecipient(delivery.Recipient);
                if (recipient is null)
                {
                    return $"'{delivery.Recipient}' is not an actor path";
                }

                if (_recipients.Count >= SenderCacheLimit)
                {
                    _recipients.Clear();
                }

                _recipients[delivery.Recipient] = recipient;
            }
        }

        if (!Remoting.TryShortcut(recipient, delivery.Message))
        {
            Remoting.System.DeliverLocal(recipient, delivery.Message, SenderFor(delivery.Sender, delivery.CorrelationId));
        }

        return null;
    }

    /// <summary>Registers a watch of a remote actor; answered at once when the association already ended.</summary>
    /// <param name="watchee">The remote actor.</param>
    /// <param name="watcher">The local watcher.</param>
    public void Watch(RemoteActorRef watchee, IInternalActorRef watcher)
    {
        lock (_gate)
        {
            if (!_terminated)
            {
                if (!_watched.TryGetValue(watchee, out var watchers))
                {
                    _watched[watchee] = watchers = [];
                    SendControl(new Frame { WatchRequest = new WatchRequest { Watchee = watchee.WirePath } });
                }

                if (!watchers.Contains(watcher))
                {
                    watchers.Add(watcher);
                }

                return;
            }
        }

        watcher.SendSystemMessage(new DeathWatchNotification(watchee, ExistenceConfirmed: false, AddressTerminated: true));
    }

    /// <summary>Removes a watch.</summary>
    /// <param name="watchee">The remote actor.</param>
    /// <param name="watcher">The local watcher.</param>
    public void Unwatch(RemoteActorRef watchee, IInternalActorRef watcher)
    {
        lock (_gate)
        {
            if (_watched.TryGetValue(watchee, out var watchers) && watchers.Remove(watcher) && watchers.Count == 0)
            {
                _watched.Remove(watchee);
                SendControl(new Frame { UnwatchRequest = new UnwatchRequest { Watchee = watchee.WirePath } });
            }
        }
    }

    /// <summary>The peer watches one of our actors: watch it on the peer's behalf (an unknown path answers at once).</summary>
    /// <param name="watchee">The path the peer named.</param>
    public void OnWatchRequest(string watchee)
    {
        var path = ParseRecipient(watchee);
        if (path is null || Remoting.System.ResolveLocalActorRef(path) is not IInternalActorRef target)
        {
            SendControl(new Frame { WatchTerminated = new WatchTerminated { Watchee = watchee, ExistenceConfirmed = false } });
            return;
        }

        lock (_gate)
        {
            if (_terminated)
            {
                return;
            }

            _watchedByPeer[target] = watchee;
        }

        target.SendSystemMessage(new Watch(target, WatcherProxy));
    }

    /// <summary>The peer stopped watching one of our actors.</summary>
    /// <param name="watchee">The path the peer named.</param>
    public void OnUnwatchRequest(string watchee)
    {
        IInternalActorRef? target = null;
        lock (_gate)
        {
            foreach (var (actor, wire) in _watchedByPeer)
            {
                if (string.Equals(wire, watchee, StringComparison.Ordinal))
                {
                    target = (IInternalActorRef)actor;
                    break;
                }
            }

            if (target is not null)
            {
                _watchedByPeer.Remove(target);
            }
        }

        target?.SendSystemMessage(new Unwatch(target, WatcherProxy));
    }

    /// <summary>A local actor the peer watches stopped (or never existed): tell the peer.</summary>
    /// <param name="actor">The local actor.</param>
    /// <param name="existenceConfirmed">Whether it existed.</param>
    public void OnLocalWatcheeTerminated(IActorRef actor, bool existenceConfirmed)
    {
        string? watchee;
        lock (_gate)
        {
            if (!_watchedByPeer.Remove(actor, out watchee))
            {
                return;
            }
        }

        SendControl(new Frame { WatchTerminated = new WatchTerminated { Watchee = watchee, ExistenceConfirmed = existenceConfirmed } });
    }

    /// <summary>A remote actor we watch stopped: its watchers get Terminated (not address terminated).</summary>
    /// <param name="watchee">The path we named it by.</param>
    /// <param name="existenceConfirmed">Whether it existed.</param>
    public void OnWatchTerminated(string watchee, bool existenceConfirmed)
    {
        var key = new RemoteActorRef(this, ParseOnPeer(watchee), watchee, 0);
        List<IInternalActorRef>? watchers;
        lock (_gate)
        {
            if (!_watched.Remove(key, out watchers))
            {
                return;
            }
        }

        foreach (var watcher in watchers)
        {
            watcher.SendSystemMessage(new DeathWatchNotification(key, existenceConfirmed, AddressTerminated: false));
        }
    }

    /// <summary>The association ended: every watcher learns that its remote actor terminated (address terminated).</summary>
    public void OnTerminated()
    {
        KeyValuePair<RemoteActorRef, List<IInternalActorRef>>[] watched;
        IActorRef[] watchedByPeer;
        lock (_gate)
        {
            _terminated = true;
            watched = [.. _watched];
            _watched.Clear();
            watchedByPeer = [.. _watchedByPeer.Keys];
            _watchedByPeer.Clear();
            _senders.Clear();
        }

        foreach (var target in watchedByPeer.OfType<IInternalActorRef>())
        {
            target.SendSystemMessage(new Unwatch(target, WatcherProxy));
        }

        foreach (var (watchee, watchers) in watched)
        {
            foreach (var watcher in watchers)
            {
                watcher.SendSystemMessage(new DeathWatchNotification(watchee, ExistenceConfirmed: false, AddressTerminated: true));
            }
        }
    }

    /// <summary>
    /// Reports a message that will not reach its remote recipient: a warning, a dead letter, a
    /// <see cref="RemoteDeliveryFailed"/> event, and a failure to an Ask waiting for its answer.
    /// </summary>
    /// <param name="recipient">The recipient (null: derived from <paramref name="wireRecipient"/>).</param>
    /// <param name="message">The message.</param>
    /// <param name="sender">The local sender, or null.</param>
    /// <param name="reason">Why.</param>
    /// <param name="wireRecipient">The recipient's wire path when no reference is at hand.</param>
    public void Failed(RemoteActorRef? recipient, object message, IActorRef? sender, string reason, string? wireRecipient = null)
    {
        var system = Remoting.System;
        var target = recipient ?? new RemoteActorRef(this, ParseOnPeer(wireRecipient ?? string.Empty), wireRecipient ?? string.Empty, 0);
        var type = message is IMessage protobuf ? protobuf.Descriptor.FullName : message.GetType().FullName ?? message.GetType().Name;
        Remoting.Log.Log(RemoteLogLevel.Warning, $"message {type} to {target.Path} not delivered: {reason}");
        system.EventStream.Publish(new DeadLetter(message, sender ?? system.DeadLetters, target));
        system.EventStream.Publish(new RemoteDeliveryFailed(target.Path.ToString(), type, sender?.Path.ToString(), reason));
        if (sender is not null && Remoting.IsAskReply(sender))
        {
            sender.Tell(new Status.Failure(new RemoteDeliveryException($"{type} to {target.Path} was not delivered: {reason}")), target);
        }
    }

    /// <summary>
    /// The sender reference of an inbound message: a reference over this association for a path on
    /// the peer (cached per path), or whatever a full path resolves to here (a third system's actor,
    /// or one of ours).
    /// </summary>
    private IActorRef SenderFor(string wirePath, ulong correlationId)
    {
        if (wirePath.Length == 0)
        {
            return correlationId == 0 ? NoSender : new RemoteActorRef(this, NoSender.Path, string.Empty, correlationId);
        }

        if (!wirePath.StartsWith('/'))
        {
            return ActorPath.TryParse(wirePath, out var full) ? Remoting.System.ResolveActorRef(full!) : NoSender;
        }

        if (correlationId != 0 || wirePath.StartsWith("/temp/", StringComparison.Ordinal))
        {
            return new RemoteActorRef(this, ParseOnPeer(wirePath), wirePath, correlationId);
        }

        lock (_gate)
        {
            if (_senders.TryGetValue(wirePath, out var cached))
            {
                return cached;
            }

            if (_senders.Count >= SenderCacheLimit)
            {
                _senders.Clear();
            }

            return _senders[wirePath] = new RemoteActorRef(this, ParseOnPeer(wirePath), wirePath, 0);
        }
    }

    /// <summary>Checks the message and builds its queue item; reports and returns false when it cannot be sent.</summary>
    private bool TryPrepare(RemoteActorRef recipient, object message, IActorRef? sender, out OutboundItem item)
    {
        item = default;
        if (message is not IMessage payload)
        {
            Failed(recipient, message, sender, $"{message.GetType().Name} is not a protobuf message; only registered protobuf messages can be sent to remote actors");
            return false;
        }

        if (!Remoting.Registry.TryGetTypeName(payload.GetType(), out var typeName))
        {
            Failed(recipient, message, sender, $"the type {payload.Descriptor.FullName} is not registered in this system's MessageRegistry");
            return false;
        }

        item = new OutboundItem(payload, typeName, recipient.WirePath, Remoting.SenderWirePath(sender, this), recipient.CorrelationId, sender);
        return true;
    }

    /// <summary>The local recipient of a wire path: <c>/user/a</c>, a full path (address ignored), or empty for dead letters.</summary>
    private ActorPath? ParseRecipient(string wirePath)
    {
        var local = Remoting.System.Address;
        if (wirePath.Length == 0)
        {
            return ActorPath.RootOf(local) / "deadLetters";
        }

        var text = wirePath.StartsWith('/') ? local + wirePath : wirePath;
        return ActorPath.TryParse(text, out var path) ? path!.WithAddress(local) : null;
    }

    /// <summary>A path on the peer from its wire form (a malformed one becomes the peer's dead letters).</summary>
    private ActorPath ParseOnPeer(string wirePath) =>
        wirePath.StartsWith('/') && ActorPath.TryParse(RemoteAddress + wirePath, out var path) ? path! : Root / "deadLetters";

    /// <summary>Queues a control frame (dropped once the association has terminated).</summary>
    private void SendControl(Frame frame) => Association.Queue.TryEnqueueControl(new OutboundItem(frame));

    /// <summary>Words for a refused enqueue.</summary>
    private string Describe(EnqueueResult result) => result == EnqueueResult.Full
        ? $"the outbound queue to {RemoteAddress} is full ({Association.Queue.Capacity} messages); see remoteio.remote.outbound-overflow"
        : $"the association with {RemoteAddress} has terminated";
}
