using System.Reflection;
using RemoteIo.Actors.Gpio.Boards;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Kernel.Event;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Pins;

/// <summary>
/// The host's pin domain, at the well-known path <c>/user/pins</c>: it takes the pins.proto
/// requests of local and remote clients alike (the sender is the client), keeps the sessions and
/// the claims, and routes commands to one <see cref="PinActor"/> per pin, its children on the
/// timing dispatcher. Claims are resolved through the header map: power and ground are refused,
/// board 7 and GPIO 4 are one pin (a second claim of it by the same session is a duplicate), a pin
/// another session owns or that still drains is busy. Pin actors are supervised one for one: a
/// failure restarts the pin's actor, which puts the pin in its safe level, tells the owner and
/// keeps the claim and the queued work; too many failures in a row take the pin out of service.
/// Create it with <see cref="PinService.Start"/>.
/// </summary>
public sealed partial class PinSupervisor : ReceiveActor
{
    /// <summary>The host software version reported in SessionOpened.</summary>
    private static readonly string HostVersion =
        typeof(PinSupervisor).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Controller, scheduler, settings.</summary>
    private readonly PinRuntime _runtime;

    /// <summary>Open sessions by link.</summary>
    private readonly Dictionary<SessionKey, SessionEntry> _active = [];

    /// <summary>
    /// The sender last found in <see cref="_active"/>, and its session. A client's commands arrive
    /// with one cached sender reference, so most commands skip resolving and hashing a session key
    /// (1 % of a host's CPU at 400k commands/s). Cleared whenever <see cref="_active"/> changes.
    /// </summary>
    private (IActorRef Sender, SessionEntry Session)? _lastActive;

    /// <summary>Sessions whose soft close is under way, by link.</summary>
    private readonly Dictionary<SessionKey, SessionEntry> _closing = [];

    /// <summary>Every session (open or closing) by id.</summary>
    private readonly Dictionary<string, SessionEntry> _byId = new(StringComparer.Ordinal);

    /// <summary>Per GPIO, its pin record (null until first used).</summary>
    private readonly PinEntry?[] _pins;

    /// <summary>The log.</summary>
    private readonly ILoggingAdapter _log;

    /// <summary>Numbers sessions.</summary>
    private long _sessionCounter;

    /// <summary>Numbers pin actor incarnations (a pin taken out of service gets a fresh actor later).</summary>
    private long _pinActorCounter;

    /// <summary>False once the host began shutting down.</summary>
    private bool _accepting = true;

    /// <summary>Creates the supervisor.</summary>
    /// <param name="runtime">The shared runtime.</param>
    internal PinSupervisor(PinRuntime runtime)
    {
        _runtime = runtime;
        _pins = new PinEntry?[runtime.Controller.PinCount];
        _log = Context.GetLogger();
        Receive<OpenSession>(OnOpenSession);
        Receive<ClaimPin>(OnClaimPin);
        Receive<PinCommand>(OnPinCommand);
        Receive<CloseSession>(OnCloseSession);
        Receive<ReadPin>(OnReadPin);
        Receive<ObservePin>(OnObservePin);
        Receive<StopObserving>(OnStopObserving);
        Receive<AckEvents>(OnAckEvents);
        Receive<GetPinStates>(OnGetPinStates);
        ReceiveInternal();
    }

    /// <summary>Props of the supervisor.</summary>
    /// <param name="runtime">The shared runtime.</param>
    /// <returns>
    /// The props, supervising pin actors one for one within the configured restart budget, on the
    /// pin actors' dispatcher: every command passes through the supervisor on its way to its pin,
    /// and on the same dedicated threads the thread that routed it runs the pin actor next instead
    /// of waking another (one thread wake-up less per command, about 10 µs on loopback).
    /// </returns>
    internal static Props Props(PinRuntime runtime) =>
        Kernel.Props.Create(() => new PinSupervisor(runtime))
            .WithDispatcher(runtime.Settings.Dispatcher)
            .WithSupervisorStrategy(new OneForOneStrategy(runtime.Settings.MaxPinRestarts, runtime.Settings.PinRestartWindow, static _ => Directive.Restart));

    /// <summary>OpenSession: a new session for the sender's link, or the existing one unchanged.</summary>
    private void OnOpenSession(OpenSession request)
    {
        if (!Accepting(request.RequestId))
        {
            return;
        }

        if (request.Mode is not (Mode.HostDefault or Mode.Wait or Mode.Nowait))
        {
            Sender.Tell(Outcomes.Request(request.RequestId, RejectReason.InvalidArgument, $"mode {(int)request.Mode} is not wait or nowait"), Self);
            return;
        }

        if (request.ClientName.Length > 128 || request.ClientName.Any(char.IsControl))
        {
            Sender.Tell(Outcomes.Request(request.RequestId, RejectReason.InvalidArgument, "the client name must be at most 128 printable characters"), Self);
            return;
        }

        var session = SessionOf(Sender) ?? OpenFor(request.RequestId, request.ClientName, request.Mode);
        if (session is null)
        {
            return;
        }

        Sender.Tell(new SessionOpened { RequestId = request.RequestId, SessionId = session.Id, Mode = session.Mode, HostVersion = HostVersion }, Self);
    }

    /// <summary>ClaimPin: resolve, refuse duplicates and busy pins, then let the pin's actor take it.</summary>
    private void OnClaimPin(ClaimPin request)
    {
        if (!Accepting(request.RequestId) || !Resolve(request.Pin, request.RequestId, out var pin))
        {
            return;
        }

        var invalid = request.Role switch
        {
            ClaimRole.Output => null,
            ClaimRole.Input when request.Input is { } input && !Enum.IsDefined(input.Bias) => $"input bias {(int)input.Bias} is not one of as-is, disabled, pull-up, pull-down",
            ClaimRole.Input => null,
            _ => $"claim role {(int)request.Role} is neither output nor input",
        };
        if (invalid is not null)
        {
            Sender.Tell(Outcomes.Request(request.RequestId, RejectReason.InvalidArgument, invalid), Self);
            return;
        }

        var session = SessionOf(Sender) ?? OpenFor(request.RequestId, string.Empty, Mode.HostDefault);
        if (session is null)
        {
            return;
        }

        var entry = _pins[pin.Gpio];
        if (entry?.OwnerSessionId is { } ownerId)
        {
            var owner = _byId.GetValueOrDefault(ownerId);
            var refusal = ownerId == session.Id
                ? Outcomes.Request(request.RequestId, RejectReason.Duplicate, $"{pin} is already claimed by this session (as {entry.ClaimedAs})")
                : Outcomes.Request(request.RequestId, RejectReason.Busy, entry.Draining
                    ? $"{pin} is busy: still draining after {owner?.Owner ?? ownerId} closed"
                    : $"{pin} is busy: claimed by {owner?.Owner ?? ownerId}");
            Sender.Tell(refusal, Self);
            return;
        }

        entry ??= CreatePin(pin);
        entry.OwnerSessionId = session.Id;
        entry.ClaimedAs = request.Pin.Numbering == Numbering.Board ? $"board {request.Pin.Number}" : $"GPIO {request.Pin.Number}";
        entry.Role = request.Role;
        entry.Draining = false;
        session.ClosedGpios.Remove(pin.Gpio);
        var claim = new ClaimInfo(session.Id, session.Owner, Sender, session.Mode, request.Role, request.Role == ClaimRole.Input ? request.Input ?? new InputConfig() : null);
        entry.Actor.Tell(new GrantClaim(claim, request.RequestId), Sender);
    }

    /// <summary>PinCommand: check the claim and the arguments, resolve the policy, hand it to the pin's actor.</summary>
    private void OnPinCommand(PinCommand command)
    {
        if (!IsAnswerable(Sender))
        {
            return;
        }

        if (!PinResolver.TryResolve(command.Pin, _runtime.Controller.PinCount, _runtime.LinesBeyondHeader, out var pin, out var reason, out var error))
        {
            Sender.Tell(Outcomes.CommandRejected(command.CommandId, 0, reason, error), Self);
            return;
        }

        var gpio = pin.Gpio;
        if (!_accepting)
        {
            Sender.Tell(Outcomes.CommandRejected(command.CommandId, gpio, RejectReason.ShuttingDown, "the host is shutting down and accepts no new commands"), Self);
            return;
        }

        var session = SessionOf(Sender);
        if (session is null && _closing.ContainsKey(_runtime.Resolver.Resolve(Sender)))
        {
            Sender.Tell(Outcomes.CommandRejected(command.CommandId, gpio, RejectReason.PinClosed, $"{pin}: pin closed (the session is closing)"), Self);
            return;
        }

        var entry = _pins[gpio];
        if (session is null || entry?.OwnerSessionId != session.Id)
        {
            Sender.Tell(NotClaimed(command.CommandId, pin, session, entry), Self);
            return;
        }

        if (entry.Role != ClaimRole.Output)
        {
            Sender.Tell(Outcomes.CommandRejected(command.CommandId, gpio, RejectReason.WrongRole, $"{pin} is claimed as an input; claim it as an output to drive it"), Self);
            return;
        }

        if (CommandValidator.Validate(command, _runtime.Settings, _runtime.HardwarePwm.Has(gpio), out var duration) is { } invalid)
        {
            Sender.Tell(Outcomes.CommandRejected(command.CommandId, gpio, RejectReason.InvalidArgument, $"{pin}: {invalid}"), Self);
            return;
        }

        var policy = command.Policy switch
        {
            CommandPolicy.SessionDefault => session.Mode == Mode.Nowait ? CommandPolicy.Replace : CommandPolicy.Queue,
            CommandPolicy.Queue or CommandPolicy.Replace or CommandPolicy.RejectIfBusy => command.Policy,
            _ => (CommandPolicy)(-1),
        };
        if ((int)policy < 0)
        {
            Sender.Tell(Outcomes.CommandRejected(command.CommandId, gpio, RejectReason.InvalidArgument, $"{pin}: command policy {(int)command.Policy} is not queue, replace or reject-if-busy"), Self);
            return;
        }

        entry.Actor.Tell(new RunCommand(new CommandTicket(command, policy, session.Id, duration, Sender)), Sender);
    }

    /// <summary>The rejection of a command for a pin the session does not hold: closed by it, someone else's, or never claimed.</summary>
    private static CommandOutcome NotClaimed(ulong commandId, PinNumber pin, SessionEntry? session, PinEntry? entry)
    {
        if (session is not null && session.ClosedGpios.Contains(pin.Gpio))
        {
            return Outcomes.CommandRejected(commandId, pin.Gpio, RejectReason.PinClosed, $"{pin}: pin closed");
        }

        return Outcomes.CommandRejected(
            commandId,
            pin.Gpio,
            RejectReason.NotClaimed,
            entry?.OwnerSessionId is not null ? $"{pin} is claimed by another session, not by this one" : $"{pin} is not claimed by this session; claim it first");
    }

    /// <summary>CloseSession: the session soft-closes and answers once every pin is released.</summary>
    private void OnCloseSession(CloseSession request)
    {
        if (!IsAnswerable(Sender))
        {
            return;
        }

        var key = _runtime.Resolver.Resolve(Sender);
        if (_active.TryGetValue(key, out var session) || _closing.TryGetValue(key, out session))
        {
            // The waiter first, then the drain: commands the client sends after CloseSession are refused from now on.
            session.Actor.Tell(new CloseRequested(request.RequestId), Sender);
            BeginDrain(session.Id);
            return;
        }

        Sender.Tell(new SessionClosed { RequestId = request.RequestId }, Self);
    }

    /// <summary>ReadPin: any client, no claim needed.</summary>
    private void OnReadPin(ReadPin request)
    {
        if (Resolve(request.Pin, request.RequestId, out var pin))
        {
            PinFor(pin).Actor.Tell(new ReadLevel(request.RequestId), Sender);
        }
    }

    /// <summary>ObservePin: any number of sessions, no claim needed (an observer never blocks a claim).</summary>
    private void OnObservePin(ObservePin request)
    {
        if (!Accepting(request.RequestId) || !Resolve(request.Pin, request.RequestId, out var pin))
        {
            return;
        }

        var invalid = IsTemporary(Sender)
            ? $"{pin} cannot be observed by an Ask's temporary reference: it stops with the first reply, and the edges would follow it into dead letters; observe from an actor that lives as long as the subscription"
            : !Enum.IsDefined(request.Edges)
            ? $"edge filter {(int)request.Edges} is not both, rising, falling or none"
            : request.QueueCapacity > PinActor.MaxQueueCapacity ? $"queue capacity {request.QueueCapacity} exceeds {PinActor.MaxQueueCapacity}" : null;
        if (invalid is not null)
        {
            Sender.Tell(Outcomes.Request(request.RequestId, RejectReason.InvalidArgument, $"{pin}: {invalid}"), Self);
            return;
        }

        var session = SessionOf(Sender) ?? Open(Sender, string.Empty, Mode.HostDefault);
        session.Observed.Add(pin.Gpio);
        PinFor(pin).Actor.Tell(new Observe(request, session.Id), Sender);
    }

    /// <summary>StopObserving: ends the sender's subscription.</summary>
    private void OnStopObserving(StopObserving request)
    {
        if (Resolve(request.Pin, request.RequestId, out var pin) && _pins[pin.Gpio] is { } entry)
        {
            entry.Actor.Tell(new StopObserve(request.RequestId), Sender);
        }
    }

    /// <summary>AckEvents: flow control for the sender's subscription.</summary>
    private void OnAckEvents(AckEvents ack)
    {
        if (ack.Gpio < (uint)_pins.Length && _pins[ack.Gpio] is { } entry)
        {
            entry.Actor.Tell(ack, Sender);
        }
    }

    /// <summary>GetPinStates: a collector asks every pin actor and answers with the claimed or observed pins.</summary>
    private void OnGetPinStates(GetPinStates request)
    {
        if (!IsAnswerable(Sender))
        {
            return;
        }

        var pins = new List<(PinState Template, IActorRef Actor)>();
        foreach (var entry in _pins)
        {
            if (entry is null)
            {
                continue;
            }

            var owner = entry.OwnerSessionId is { } id ? _byId.GetValueOrDefault(id) : null;
            pins.Add((
                new PinState
                {
                    Gpio = (uint)entry.Line.Gpio,
                    Board = (uint)entry.Line.Pin.Board,
                    Owner = owner?.Owner ?? string.Empty,
                    Mode = owner?.Mode ?? Mode.HostDefault,
                    Role = entry.Role,
                    Draining = entry.Draining,
                },
                entry.Actor));
        }

        var reply = new PinStates { RequestId = request.RequestId, Driver = _runtime.Controller.Driver.Description, DefaultMode = _runtime.Settings.DefaultMode };
        Context.ActorOf(PinStatesCollector.Props(Sender, reply, pins, _runtime.Settings.StatesTimeout));
    }

    /// <summary>Refuses new work while shutting down; true when accepting.</summary>
    private bool Accepting(ulong requestId)
    {
        if (!IsAnswerable(Sender))
        {
            return false;
        }

        if (!_accepting)
        {
            Sender.Tell(Outcomes.Request(requestId, RejectReason.ShuttingDown, "the host is shutting down and accepts no new sessions, claims or observers"), Self);
        }

        return _accepting;
    }

    /// <summary>Resolves a pin or answers why not.</summary>
    private bool Resolve(PinRef? pinRef, ulong requestId, out PinNumber pin)
    {
        if (!IsAnswerable(Sender))
        {
            pin = default;
            return false;
        }

        if (PinResolver.TryResolve(pinRef, _runtime.Controller.PinCount, _runtime.LinesBeyondHeader, out pin, out var reason, out var error))
        {
            return true;
        }

        Sender.Tell(Outcomes.Request(requestId, reason, error), Self);
        return false;
    }

    /// <summary>A request without a sender cannot be answered (nor belong to a session): it is logged and dropped.</summary>
    private bool IsAnswerable(IActorRef sender)
    {
        if (sender.Equals(ActorRefs.Nobody) || sender.Equals(Context.System.DeadLetters))
        {
            _log.Warning("dropped a pin request without a sender: replies and sessions need one");
            return false;
        }

        return true;
    }

    /// <summary>The sender's open session, if any.</summary>
    private SessionEntry? SessionOf(IActorRef sender)
    {
        if (_lastActive is { } last && ReferenceEquals(last.Sender, sender))
        {
            return last.Session;
        }

        var session = _active.GetValueOrDefault(_runtime.Resolver.Resolve(sender));
        if (session is not null)
        {
            _lastActive = (sender, session);
        }

        return session;
    }

    /// <summary>
    /// Opens a session for the sender, unless the sender is an Ask's temporary reference: a local
    /// temporary reference would be a session of its own, and the session (which watches whoever
    /// opened it) would soft-close every pin it claimed the moment the reply arrives. That is
    /// refused with a clear error instead; requests that need no session (ReadPin, GetPinStates)
    /// never come here, so an Ask of those neither opens nor closes one.
    /// </summary>
    /// <returns>The session, or null when refused (the sender was told why).</returns>
    private SessionEntry? OpenFor(ulong requestId, string name, Mode mode)
    {
        if (!IsTemporary(Sender))
        {
            return Open(Sender, name, mode);
        }

        Sender.Tell(
            Outcomes.Request(
                requestId,
                RejectReason.InvalidArgument,
                $"a session cannot be opened by an Ask's temporary reference ({Sender.Path}): it stops with the first reply, which would soft-close the session at once; send OpenSession, ClaimPin and ObservePin from one actor that lives for the whole session"),
            Self);
        return null;
    }

    /// <summary>Whether <paramref name="sender"/> is an Ask's temporary reference (<c>/temp/$n</c>, local or on a client's system).</summary>
    private static bool IsTemporary(IActorRef sender) =>
        sender.Path is { Depth: 2 } path && string.Equals(path.Parent.Name, "temp", StringComparison.Ordinal);

    /// <summary>Opens a session for the sender's link.</summary>
    private SessionEntry Open(IActorRef client, string name, Mode mode)
    {
        var key = _runtime.Resolver.Resolve(client);
        var id = "s" + (++_sessionCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var actor = Context.ActorOf(SessionActor.Props(id, client), "session-" + id);
        var session = new SessionEntry(id, name, key, mode == Mode.HostDefault ? _runtime.Settings.DefaultMode : mode, client, actor);
        _active[key] = session;
        _lastActive = null;
        _byId[id] = session;
        _log.Info("{0} opened for {1} in {2} mode", session.Owner, client.Path, session.Mode);
        return session;
    }

    /// <summary>The pin's record, creating its actor on first use.</summary>
    private PinEntry PinFor(PinNumber pin) => _pins[pin.Gpio] ?? CreatePin(pin);

    /// <summary>Creates a pin's lasting state and actor.</summary>
    private PinEntry CreatePin(PinNumber pin)
    {
        var line = new PinLine(pin, _runtime.Settings.For(pin.Gpio), _runtime.Settings.EdgeBufferCapacity);
        var counter = ++_pinActorCounter;
        var actor = Context.ActorOf(PinActor.Props(line, _runtime), $"gpio{pin.Gpio}-{counter}");
        Context.Watch(actor);
        var entry = new PinEntry(line, actor);
        _pins[pin.Gpio] = entry;
        return entry;
    }
}
