using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Kernel.Event;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Pins;

/// <summary>The supervisor's side of claims, releases, soft closes and shutdown.</summary>
public sealed partial class PinSupervisor
{
    /// <summary>Who waits for every pin to be released (drain or cut at shutdown).</summary>
    private readonly List<IActorRef> _drainWaiters = [];

    /// <summary>Who waits for every line to be released, and the pins still to answer.</summary>
    private (IActorRef ReplyTo, HashSet<int> Pending)? _lineRelease;

    /// <summary>Handlers of the messages pin and session actors and the shutdown tasks send.</summary>
    private void ReceiveInternal()
    {
        Receive<ClaimGranted>(g => SessionActorOf(g.SessionId)?.Tell(g, Self));
        Receive<ClaimFailed>(OnClaimFailed);
        Receive<PinReleased>(OnPinReleased);
        Receive<BeginSessionDrain>(b => BeginDrain(b.SessionId));
        Receive<SessionFinished>(OnSessionFinished);
        Receive<Terminated>(OnPinActorTerminated);
        Receive<StopAccepting>(_ =>
        {
            _accepting = false;
            _log.Info("pins: shutting down, no new sessions, claims or commands are accepted");
            Sender.Tell(new ShutdownStepDone("stop-accepting"), Self);
        });
        Receive<DrainAll>(_ => DrainEverything(Sender));
        Receive<CutAll>(OnCutAll);
        Receive<ReleaseAllLines>(_ => OnReleaseAllLines());
        Receive<LineReleased>(OnLineReleased);
    }

    /// <summary>A claim the pin could not take: the pin is free again.</summary>
    private void OnClaimFailed(ClaimFailed failed)
    {
        if (_pins[failed.Gpio] is { } entry && entry.OwnerSessionId == failed.SessionId)
        {
            entry.OwnerSessionId = null;
            entry.Draining = false;
        }

        SessionActorOf(failed.SessionId)?.Tell(failed, Self);
        CheckDrained();
    }

    /// <summary>A pin is safe and released: clear its owner, tell the session.</summary>
    private void OnPinReleased(PinReleased released)
    {
        if (_pins[released.Gpio] is { } entry && entry.OwnerSessionId == released.SessionId)
        {
            entry.OwnerSessionId = null;
            entry.Draining = false;
            if (released.ByCommand && _byId.TryGetValue(released.SessionId, out var session))
            {
                session.ClosedGpios.Add(released.Gpio);
            }
        }

        SessionActorOf(released.SessionId)?.Tell(released, Self);
        CheckDrained();
    }

    /// <summary>
    /// Soft-closes a session (once): from here on its link's commands are refused as "pin closed",
    /// its pins get a <see cref="DrainPin"/> from here — after every command the client sent before,
    /// since they all passed through this mailbox first — its subscriptions end, and its session
    /// actor learns which pins to wait for. New requests from the same link open a new session.
    /// </summary>
    private void BeginDrain(string sessionId)
    {
        if (!_byId.TryGetValue(sessionId, out var session) || session.Closing)
        {
            return;
        }

        session.Closing = true;
        if (_active.TryGetValue(session.Key, out var active) && ReferenceEquals(active, session))
        {
            _active.Remove(session.Key);
            _lastActive = null;
        }

        _closing[session.Key] = session;
        var gpios = new List<int>();
        foreach (var entry in _pins)
        {
            if (entry?.OwnerSessionId == sessionId)
            {
                entry.Draining = true;
                gpios.Add(entry.Line.Gpio);
                entry.Actor.Tell(new DrainPin(sessionId), Self);
            }
        }

        foreach (var gpio in session.Observed)
        {
            _pins[gpio]?.Actor.Tell(new DropObservers(sessionId), Self);
        }

        session.Actor.Tell(new DrainStarted(gpios), Self);
    }

    /// <summary>A session answered and stopped.</summary>
    private void OnSessionFinished(SessionFinished finished)
    {
        if (_byId.Remove(finished.SessionId, out var session)
            && _closing.TryGetValue(session.Key, out var closing)
            && ReferenceEquals(closing, session))
        {
            _closing.Remove(session.Key);
        }

        _log.Info("session {0} closed", finished.SessionId);
    }

    /// <summary>A pin actor stopped (its restart budget ran out): its claim ends, its owner is told.</summary>
    private void OnPinActorTerminated(Terminated terminated)
    {
        for (var gpio = 0; gpio < _pins.Length; gpio++)
        {
            if (_pins[gpio] is not { } entry || !entry.Actor.Equals(terminated.ActorRef))
            {
                continue;
            }

            _pins[gpio] = null;
            if (entry.OwnerSessionId is { } owner && _byId.TryGetValue(owner, out var session))
            {
                var message = $"{entry.Line.Name} was taken out of service after repeated driver faults; its claim ended";
                _log.Error("{0}", message);
                entry.Line.Claim?.Client.Tell(Outcomes.Notice(gpio, PinNotice.Types.Kind.DriverFault, message, _runtime.NowNanoseconds), Self);
                session.Actor.Tell(new ClaimFailed(gpio, owner), Self);
            }

            CheckDrained();
            _lineRelease?.Pending.Remove(gpio);
            CheckLinesReleased();
            return;
        }
    }

    /// <summary>Shutdown drain: every session soft-closes; the asker is answered when no pin is owned any more.</summary>
    private void DrainEverything(IActorRef replyTo)
    {
        _drainWaiters.Add(replyTo);
        foreach (var session in _active.Values.ToList())
        {
            BeginDrain(session.Id);
        }

        CheckDrained();
    }

    /// <summary>Shutdown cut: every pin stops what it does, then everything drains at once.</summary>
    private void OnCutAll(CutAll cut)
    {
        foreach (var entry in _pins)
        {
            if (entry?.OwnerSessionId is not null)
            {
                entry.Actor.Tell(new CutPin(cut.Reason), Self);
            }
        }

        DrainEverything(Sender);
    }

    /// <summary>Answers the drain waiters once no pin is owned.</summary>
    private void CheckDrained()
    {
        if (_drainWaiters.Count == 0 || _pins.Any(p => p?.OwnerSessionId is not null))
        {
            return;
        }

        foreach (var waiter in _drainWaiters)
        {
            waiter.Tell(new ShutdownStepDone("drain"), Self);
        }

        _drainWaiters.Clear();
    }

    /// <summary>Shutdown's last step: every pin actor puts its line in its safe level and closes it; configured pins without an actor are written directly.</summary>
    private void OnReleaseAllLines()
    {
        var pending = new HashSet<int>();
        foreach (var entry in _pins)
        {
            if (entry is not null)
            {
                pending.Add(entry.Line.Gpio);
                entry.Actor.Tell(new ReleaseLine(), Self);
            }
        }

        foreach (var (gpio, pin) in _runtime.Settings.Pins)
        {
            if (!pending.Contains(gpio) && _runtime.Controller.IsPinOpen(gpio))
            {
                try
                {
                    _runtime.Controller.Write(gpio, pin.SafeLevel);
                }
                catch (GpioException e)
                {
                    _log.Error(e, "GPIO {0}: could not apply the safe level at shutdown: {1}", gpio, e.Message);
                }
            }
        }

        _lineRelease = (Sender, pending);
        CheckLinesReleased();
    }

    /// <summary>A pin's line is safe and closed.</summary>
    private void OnLineReleased(LineReleased released)
    {
        _lineRelease?.Pending.Remove(released.Gpio);
        CheckLinesReleased();
    }

    /// <summary>Answers once every line is released.</summary>
    private void CheckLinesReleased()
    {
        if (_lineRelease is { Pending.Count: 0 } done)
        {
            done.ReplyTo.Tell(new ShutdownStepDone("safe-states"), Self);
            _lineRelease = null;
        }
    }

    /// <summary>The session actor of a session id, if it still exists.</summary>
    private IActorRef? SessionActorOf(string sessionId) => _byId.TryGetValue(sessionId, out var session) ? session.Actor : null;
}
