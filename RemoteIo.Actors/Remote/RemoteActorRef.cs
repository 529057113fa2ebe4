using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Kernel.Dispatch;

namespace RemoteIo.Actors.Remote;

/// <summary>
/// A reference to an actor in another actor system, reached over one association. It looks like
/// any other <see cref="IActorRef"/>: <see cref="Tell"/> serialises the message (a registered
/// protobuf message) and queues it for the link, with the local sender turned into a path the
/// other side can reply to; watching it works, and its watchers get
/// <c>Terminated(ref, existenceConfirmed: false, addressTerminated: true)</c> when the association
/// ends. A host reads <see cref="Association"/> from an inbound message's <c>Sender</c> to learn
/// which client (address, client id, incarnation) sent it.
/// </summary>
public sealed class RemoteActorRef : ActorRefBase
{
    /// <summary>The association's actor-layer state.</summary>
    private readonly RemoteEndpoint _endpoint;

    /// <summary>Creates a reference (only the Remoting extension does).</summary>
    /// <param name="endpoint">The association it is reached over.</param>
    /// <param name="path">Its full path (the remote system's address).</param>
    /// <param name="wirePath">Its path as sent in Deliver.recipient (no address; empty for "no sender").</param>
    /// <param name="correlationId">Carried on every message sent through this reference (0: none).</param>
    internal RemoteActorRef(RemoteEndpoint endpoint, ActorPath path, string wirePath, ulong correlationId)
    {
        _endpoint = endpoint;
        Path = path;
        WirePath = wirePath;
        CorrelationId = correlationId;
    }

    /// <inheritdoc />
    public override ActorPath Path { get; }

    /// <summary>Always false: the actor lives in another system.</summary>
    public override bool IsLocal => false;

    /// <summary>The local actor system this reference belongs to.</summary>
    public override ActorSystem? System => _endpoint.Remoting.System;

    /// <summary>The association this reference is reached over: the peer's address, client id and incarnation.</summary>
    public AssociationInfo Association => _endpoint.Association.Info;

    /// <summary>True once the association has ended: messages go to dead letters.</summary>
    public bool IsTerminated => _endpoint.Association.State == AssociationState.Terminated;

    /// <summary>The path sent on the wire.</summary>
    internal string WirePath { get; }

    /// <summary>Deliver.correlation_id of messages sent through this reference.</summary>
    internal ulong CorrelationId { get; }

    /// <summary>The association's state.</summary>
    internal RemoteEndpoint Endpoint => _endpoint;

    /// <summary>
    /// Queues <paramref name="message"/> for the remote actor. Never throws: a message that is not
    /// a registered protobuf message, or that finds the outbound queue full (see
    /// <see cref="RemoteSettings.OutboundOverflow"/>) or the association terminated, is logged,
    /// published as a dead letter and a <see cref="RemoteDeliveryFailed"/>, and fails an Ask at once.
    /// A message the receiving system rejects (a type it does not register, a payload that does
    /// not parse) comes back to <paramref name="sender"/> as a <c>Status.Failure</c> holding a
    /// <see cref="RemoteDeliveryException"/>.
    /// </summary>
    /// <param name="message">A registered protobuf message.</param>
    /// <param name="sender">The local sender the remote actor may reply to, or null.</param>
    public override void Tell(object message, IActorRef? sender) => _endpoint.Send(this, message, sender);

    /// <summary>
    /// Queues <paramref name="message"/>, waiting asynchronously (without blocking a thread) while
    /// the outbound queue is full, up to <see cref="RemoteSettings.OutboundWaitTimeout"/>: the
    /// backpressure-aware send for asynchronous callers such as a client facade.
    /// </summary>
    /// <param name="message">A registered protobuf message.</param>
    /// <param name="sender">The local sender, or null.</param>
    /// <param name="cancellationToken">Stops waiting for room.</param>
    /// <returns>True when queued; false when it was refused (and reported like a failed <see cref="Tell"/>).</returns>
    public ValueTask<bool> TellAsync(object message, IActorRef? sender = null, CancellationToken cancellationToken = default) =>
        _endpoint.SendAsync(this, message, sender, cancellationToken);

    /// <summary>Takes part in death watch: Watch and Unwatch are kept by the association; other system messages do not cross the wire.</summary>
    /// <param name="message">The system message.</param>
    public override void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Watch watch when ReferenceEquals(watch.Watchee, this) || watch.Watchee.Equals(this):
                _endpoint.Watch(this, watch.Watcher);
                break;
            case Unwatch unwatch:
                _endpoint.Unwatch(this, unwatch.Watcher);
                break;
            default:
                break; // remote system messages (remote watchers of local actors) are not carried by protocol version 1
        }
    }
}
