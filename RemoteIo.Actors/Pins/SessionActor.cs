using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Kernel.Event;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Pins;

/// <summary>
/// One client's session: knows its claims, watches the client and soft-closes when the client
/// asks (CloseSession) or its link dies (Terminated, address terminated). The soft close goes
/// through the supervisor, which sends each claimed pin a <see cref="DrainPin"/> after everything
/// the client sent before — so a drain never overtakes a command still on its way — and the pins
/// stash it like any command: queued work finishes first (wait mode), then each pin goes to its
/// safe level and is released. When the last pin is released the session answers SessionClosed
/// and stops.
/// </summary>
internal sealed class SessionActor : ReceiveActor
{
    /// <summary>The session's id.</summary>
    private readonly string _sessionId;

    /// <summary>The client it watches.</summary>
    private readonly IActorRef _client;

    /// <summary>The pins it holds.</summary>
    private readonly HashSet<int> _claims = [];

    /// <summary>Who asked to close, to be answered once all pins are released.</summary>
    private readonly List<(IActorRef ReplyTo, ulong RequestId)> _waiters = [];

    /// <summary>The pins released by the close, in order.</summary>
    private readonly List<uint> _released = [];

    /// <summary>The log.</summary>
    private readonly ILoggingAdapter _log;

    /// <summary>The pins still draining; null until the close began.</summary>
    private HashSet<int>? _draining;

    /// <summary>True once the close was asked for.</summary>
    private bool _closing;

    /// <summary>Creates the session.</summary>
    /// <param name="sessionId">Its id.</param>
    /// <param name="client">The client to watch.</param>
    public SessionActor(string sessionId, IActorRef client)
    {
        _sessionId = sessionId;
        _client = client;
        _log = Context.GetLogger();
        Receive<ClaimGranted>(g => _claims.Add(g.Gpio));
        Receive<PinReleased>(r => Released(r.Gpio, counted: r.SessionId == _sessionId));
        Receive<ClaimFailed>(f => Released(f.Gpio, counted: false));
        Receive<CloseRequested>(r =>
        {
            _waiters.Add((Sender, r.RequestId));
            BeginClose("the client closed its session");
        });
        Receive<Terminated>(t => t.ActorRef.Equals(_client), t => BeginClose(t.AddressTerminated ? "the client's link died" : "the client stopped"));
        Receive<DrainStarted>(d =>
        {
            _closing = true;
            _draining = [.. d.Gpios];
            Finish();
        });
    }

    /// <summary>Props for a session.</summary>
    /// <param name="sessionId">Its id.</param>
    /// <param name="client">The client to watch.</param>
    /// <returns>The props.</returns>
    public static Props Props(string sessionId, IActorRef client) => Kernel.Props.Create(() => new SessionActor(sessionId, client));

    /// <inheritdoc />
    protected override void PreStart() => Context.Watch(_client);

    /// <summary>Starts the soft close (once).</summary>
    private void BeginClose(string why)
    {
        if (_closing)
        {
            Finish();
            return;
        }

        _closing = true;
        _log.Info("session {0}: soft close of {1} pin(s): {2}", _sessionId, _claims.Count, why);
        Context.Parent.Tell(new BeginSessionDrain(_sessionId), Self);
    }

    /// <summary>A pin is no longer the session's.</summary>
    private void Released(int gpio, bool counted)
    {
        _claims.Remove(gpio);
        if (_draining?.Remove(gpio) == true && counted)
        {
            _released.Add((uint)gpio);
        }

        Finish();
    }

    /// <summary>Answers and stops once the close began and every pin is released.</summary>
    private void Finish()
    {
        if (_draining is not { Count: 0 })
        {
            return;
        }

        foreach (var (replyTo, requestId) in _waiters)
        {
            var closed = new SessionClosed { RequestId = requestId };
            closed.ReleasedGpios.AddRange(_released);
            replyTo.Tell(closed, Context.Parent);
        }

        _waiters.Clear();
        Context.Parent.Tell(new SessionFinished(_sessionId), Self);
        Context.Stop(Self);
    }
}
