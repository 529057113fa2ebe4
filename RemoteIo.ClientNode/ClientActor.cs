using Google.Protobuf;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Protocol;
using RemoteIo.Actors.Remote;
using RemoteIo.ClientNode.Protocol;

namespace RemoteIo.ClientNode;

/// <summary>
/// The client node's actor for one <see cref="RemoteServer"/>: the sender of every request and
/// command, so the host's replies, outcomes and edge events arrive here, in order, and are handed
/// to the facade. It watches the host's <c>/user/pins</c>: when the association dies (heartbeat
/// deadline, host shutdown, reset beyond the resume grace) the facade learns it at once.
/// </summary>
internal sealed class ClientActor : ReceiveActor
{
    /// <summary>The facade.</summary>
    private readonly RemoteServer _server;

    /// <summary>The host's pin supervisor, watched.</summary>
    private readonly IActorRef _pins;

    /// <summary>Creates the actor.</summary>
    /// <param name="server">The facade it serves.</param>
    /// <param name="pins">The host's pin supervisor.</param>
    public ClientActor(RemoteServer server, IActorRef pins)
    {
        _server = server;
        _pins = pins;
        Receive<CommandOutcome>(server.OnOutcome);
        Receive<PinEdge>(edge => server.TryDeliverObserverEvent(edge));
        Receive<EventsDropped>(dropped => server.TryDeliverObserverEvent(dropped));
        Receive<PinWatchdog>(watchdog => server.TryDeliverObserverEvent(watchdog));
        Receive<PinNotice>(server.OnNotice);
        Receive<SessionOpened>(m => server.OnReply(m.RequestId, m));
        Receive<PinClaimed>(m => server.OnReply(m.RequestId, m));
        Receive<RequestRejected>(m => server.OnReply(m.RequestId, m));
        Receive<PinLevel>(m => server.OnReply(m.RequestId, m));
        Receive<ObserveStarted>(server.OnObserveStarted);
        Receive<PinStates>(m => server.OnReply(m.RequestId, m));
        Receive<SessionClosed>(m => server.OnReply(m.RequestId, m));
        Receive<TransitionsDumped>(m => server.OnReply(m.RequestId, m));
        Receive<Terminated>(t => t.ActorRef.Equals(_pins), t => server.OnHostLost(t.AddressTerminated
            ? "the link to the host is gone (host stopped, or no heartbeat within the deadline)"
            : "the host's pin supervisor stopped"));
        Receive<AssociationLostEvent>(e => IsOurs(e.Association), e => server.OnLinkInterrupted(e.Reason));
        Receive<AssociatedEvent>(e => IsOurs(e.Association) && e.Resumed, _ => server.OnLinkResumed());
        Receive<Status.Failure>(f => server.OnUndeliverable(f.Cause));
        ReceiveAny(message => Unhandled(message is IMessage proto ? proto.Descriptor.FullName : message));
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        Context.Watch(_pins);
        Context.System.EventStream.Subscribe(Self, typeof(AssociationLostEvent));
        Context.System.EventStream.Subscribe(Self, typeof(AssociatedEvent));
    }

    /// <summary>Whether an association event is about the link to our host.</summary>
    private bool IsOurs(AssociationInfo association) =>
        string.Equals(association.RemoteAddress, _pins.Path.Address.ToString(), StringComparison.Ordinal);
}
