using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Timing;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Kernel.Event;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Pins;

/// <summary>
/// One pin: runs its owner's commands through the edge scheduler and serves its observers. Runs
/// on the timing dispatcher. Commands follow their policy: <em>queue</em> (wait mode) runs them in
/// arrival order — while a timed command runs the actor is <c>Busy</c> and stashes what arrives,
/// and when it ends it unstashes and is <c>Ready</c> again; <em>replace</em> (nowait mode) cuts the
/// running command and supersedes the queued ones. Each queued command starts exactly where the
/// previous one ended: the next one is handed to the scheduler ahead of time, so the hand-over
/// happens at the edge, not when the actor gets round to it.
/// </summary>
/// <remarks>
/// State that must survive a restart (claim, pending close, subscribers) lives in the
/// <see cref="PinLine"/> the props carry; a restart (after a driver fault) puts the pin in its safe
/// level, ends the running command, tells the owner, and the queued commands — returned to the
/// mailbox by the kernel — run on the new instance.
/// </remarks>
internal sealed partial class PinActor : ReceiveActor, IWithStash, IWithTimers
{
    /// <summary>The pin's lasting state.</summary>
    private readonly PinLine _line;

    /// <summary>Controller, scheduler, interlocks, settings.</summary>
    private readonly PinRuntime _runtime;

    /// <summary>The stashed commands, in stash order (the stash itself cannot be looked into).</summary>
    private readonly List<CommandTicket> _queue = [];

    /// <summary>Commands handed to the scheduler whose ending is still to come, by token.</summary>
    private readonly Dictionary<long, CommandTicket> _inFlight = [];

    /// <summary>The actor's log.</summary>
    private readonly ILoggingAdapter _log;

    /// <summary>The timed command keeping the pin busy, if any.</summary>
    private CommandTicket? _running;

    /// <summary>The queued command already handed to the scheduler to take over when <see cref="_running"/> ends.</summary>
    private CommandTicket? _prequeued;

    /// <summary>The scheduler's current waveform for the line (0: none, the line holds its last level).</summary>
    private long _currentToken;

    /// <summary>The command whose waveform is current (it may already have its outcome: an untimed on/off).</summary>
    private CommandTicket? _current;

    /// <summary>When the current waveform ends (<see cref="Waveform.NoEnd"/>: it holds).</summary>
    private long _currentEnd;

    /// <summary>True while the current waveform can drive the pin high.</summary>
    private bool _currentEnergising;

    /// <summary>When the pin's energised stretch began (max-on-time); -1 when not energised.</summary>
    private long _energisedSince = -1;

    /// <summary>True while this pin holds its exclusive groups.</summary>
    private bool _interlockHeld;

    /// <summary>True after a max-on-time cut, until a non-energising or freshly sent command runs: queued energising commands are cut at once.</summary>
    private bool _tripped;

    /// <summary>Where the next queued command starts: the end of a timed command, the start of an untimed one.</summary>
    private long _chain;

    /// <summary>True in the busy behaviour.</summary>
    private bool _busy;

    /// <summary>Creates the actor of <paramref name="line"/>.</summary>
    /// <param name="line">The pin's lasting state.</param>
    /// <param name="runtime">The shared runtime.</param>
    public PinActor(PinLine line, PinRuntime runtime)
    {
        _line = line;
        _runtime = runtime;
        _log = Context.GetLogger();
        _chain = runtime.NowNanoseconds;
        Ready();
    }

    /// <inheritdoc />
    public IStash Stash { get; set; } = null!;

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The GPIO.</summary>
    private int Gpio => _line.Gpio;

    /// <summary>"GPIO 17 (board 11)".</summary>
    private string Name => _line.Name;

    /// <summary>The clock now, nanoseconds.</summary>
    private long Now => _runtime.NowNanoseconds;

    /// <summary>Props for the actor of <paramref name="line"/>, on the configured dispatcher.</summary>
    /// <param name="line">The pin's lasting state.</param>
    /// <param name="runtime">The shared runtime.</param>
    /// <returns>The props.</returns>
    public static Props Props(PinLine line, PinRuntime runtime) =>
        Kernel.Props.Create(() => new PinActor(line, runtime)).WithDispatcher(runtime.Settings.Dispatcher);

    /// <inheritdoc />
    protected override void PreStart()
    {
        _runtime.Router.Attach(Gpio, Self);
        _line.Inbox.Attach(Self);
        ArmWatchdog(fire: false);
    }

    /// <inheritdoc />
    protected override void PreRestart(Exception reason, object? message)
    {
        // The kernel has already returned the stash to the mailbox: the queued commands run on the next instance.
        var now = Now;
        var cause = $"driver fault on {Name}: {reason.Message}";
        _log.Error(reason, "{0}: the pin is put in its safe level and its actor restarts, keeping the claim and the queued work", cause);
        TryApplySafeLevel();
        foreach (var ticket in _inFlight.Values)
        {
            if (ticket.State == TicketState.Prequeued)
            {
                ticket.State = TicketState.Queued;
            }
            else if (ticket.State == TicketState.Running)
            {
                Finish(ticket, OutcomeKind.Interrupted, ticket.StartNanoseconds, now, cause, RejectReason.DriverFault);
            }
            else
            {
                Finish(ticket, OutcomeKind.Rejected, message: cause, reason: RejectReason.DriverFault);
            }
        }

        _inFlight.Clear();
        if (message is RunCommand { Ticket: { State: TicketState.New } failed })
        {
            Finish(failed, OutcomeKind.Rejected, message: cause, reason: RejectReason.DriverFault);
        }

        ReleaseInterlock();
        _line.Claim?.Client.Tell(Outcomes.Notice(Gpio, PinNotice.Types.Kind.DriverFault, $"{cause}; the pin is in its safe level, its claim is kept and queued commands continue", now), Self);
    }

    /// <inheritdoc />
    protected override void PostRestart(Exception reason) => PreStart();

    /// <inheritdoc />
    protected override void PostStop()
    {
        _runtime.Router.Detach(Gpio, Self);
        var why = Context.System.IsTerminating ? RejectReason.ShuttingDown : RejectReason.DriverFault;
        var message = Context.System.IsTerminating ? $"{Name}: the host is shutting down" : $"{Name} was taken out of service after repeated driver faults";
        foreach (var envelope in Stash.ClearStash())
        {
            if (envelope.Message is RunCommand { Ticket: var queued })
            {
                Finish(queued, OutcomeKind.Rejected, message: message, reason: why);
            }
        }

        TryApplySafeLevel();
        var now = Now;
        foreach (var ticket in _inFlight.Values)
        {
            Finish(ticket, OutcomeKind.Interrupted, ticket.StartNanoseconds, now, message, why);
        }

        _inFlight.Clear();
        ReleaseInterlock();
    }

    /// <summary>The ready behaviour: commands start at once.</summary>
    private void Ready()
    {
        Receive<RunCommand>(OnCommandWhenReady);
        Receive<DrainPin>(OnDrainWhenReady);
        ReceiveCommon();
    }

    /// <summary>The busy behaviour (a timed command runs): commands are stashed, or replace the running one.</summary>
    private void Busy()
    {
        Receive<RunCommand>(OnCommandWhenBusy);
        Receive<DrainPin>(_ => Stash.Stash());
        ReceiveCommon();
    }

    /// <summary>What both behaviours handle alike.</summary>
    private void ReceiveCommon()
    {
        Receive<WaveformEnded>(HandleEnding);
        Receive<GrantClaim>(OnGrantClaim);
        Receive<CutPin>(OnCut);
        Receive<ReleaseLine>(_ => OnReleaseLine());
        Receive<EdgesPending>(_ => DrainEdges());
        Receive<Observe>(OnObserve);
        Receive<StopObserve>(_ => RemoveSubscriber(Sender));
        Receive<DropObservers>(d => DropSession(d.SessionId));
        Receive<AckEvents>(OnAck);
        Receive<ReadLevel>(OnRead);
        Receive<DebounceSettled>(OnDebounceSettled);
        Receive<WatchdogTick>(_ => ArmWatchdog(fire: true));
        Receive<QueryPinState>(_ => Sender.Tell(Report(), Self));
    }

    /// <summary>Switches to the busy behaviour.</summary>
    private void BecomeBusy()
    {
        if (!_busy)
        {
            _busy = true;
            Become(Busy);
        }
    }

    /// <summary>Switches to the ready behaviour and returns the stashed messages to the mailbox, in order.</summary>
    private void BecomeReady()
    {
        if (_busy)
        {
            _busy = false;
            Become(Ready);
        }

        _queue.Clear();
        Stash.UnstashAll();
    }

    /// <summary>Takes a claim: opens or reconfigures the line for its role and answers the claimant.</summary>
    private void OnGrantClaim(GrantClaim grant)
    {
        var claim = grant.Claim;
        if (_line.Claim is { } holder && holder.SessionId != claim.SessionId)
        {
            Sender.Tell(Outcomes.Request(grant.RequestId, RejectReason.Busy, $"{Name} is busy: claimed by {holder.Owner}"), Self);
            Context.Parent.Tell(new ClaimFailed(Gpio, claim.SessionId), Self);
            return;
        }

        try
        {
            if (claim.Role == ClaimRole.Output)
            {
                OpenOutput();
            }
            else
            {
                OpenInput(claim.Input ?? new InputConfig());
            }
        }
        catch (GpioException e)
        {
            var reason = e is GpioBusyException ? RejectReason.Busy : RejectReason.DriverFault;
            Sender.Tell(Outcomes.Request(grant.RequestId, reason, $"{Name} cannot be claimed: {e.Message}"), Self);
            Context.Parent.Tell(new ClaimFailed(Gpio, claim.SessionId), Self);
            return;
        }

        _line.Claim = claim;
        _line.Closing = false;
        _tripped = false;
        Sender.Tell(
            new PinClaimed { RequestId = grant.RequestId, Gpio = (uint)Gpio, Board = (uint)_line.Pin.Board, Role = claim.Role, Level = ReadLevelNow() },
            Self);
        Context.Parent.Tell(new ClaimGranted(Gpio, claim.SessionId), Self);
    }

    /// <summary>Makes the line an output at its safe level (an input the host held for observers is reconfigured in place).</summary>
    private void OpenOutput()
    {
        var settings = LineSettings.Output.WithInitialValue(_line.Settings.SafeLevel);
        var controller = _runtime.Controller;
        if (!controller.IsPinOpen(Gpio))
        {
            controller.OpenLine(Gpio, settings);
        }
        else if (controller.GetLineSettings(Gpio).Direction != LineDirection.Output)
        {
            controller.Reconfigure(Gpio, settings);
        }
    }

    /// <summary>Makes the line an input with the claimant's bias, polarity and debounce, reporting both edges.</summary>
    private void OpenInput(InputConfig input)
    {
        var settings = LineSettings.Input
            .WithBias((LineBias)(int)input.Bias)
            .WithActiveLow(input.ActiveLow)
            .WithDebounce(TimeSpan.FromMicroseconds(input.DebounceUs))
            .WithEdgeDetection(PinEventTypes.Rising | PinEventTypes.Falling);
        var controller = _runtime.Controller;
        if (controller.IsPinOpen(Gpio))
        {
            if (IsOutput)
            {
                CancelToSafeLevel();
            }

            controller.Reconfigure(Gpio, settings);
        }
        else
        {
            controller.OpenLine(Gpio, settings);
        }

        ListenForEdges();
    }

    /// <summary>Opens an unheld line as an input with edge reporting, so it can be read and observed.</summary>
    private void EnsureOpen()
    {
        if (_line.HardwarePwm)
        {
            // Requesting the line would take the pin away from its PWM channel.
            return;
        }

        if (!_runtime.Controller.IsPinOpen(Gpio))
        {
            _runtime.Controller.OpenLine(Gpio, LineSettings.Input.WithEdgeDetection(PinEventTypes.Rising | PinEventTypes.Falling));
        }

        ListenForEdges();
    }

    /// <summary>Registers the inbox for the open line's edges (once; closing the line drops it).</summary>
    private void ListenForEdges()
    {
        if (!_line.ListeningForEdges)
        {
            _runtime.Controller.AddEdgeListener(Gpio, _line.Inbox);
            _line.ListeningForEdges = true;
        }
    }

    /// <summary>True when the host drives the pin: its line open here as an output, or its hardware PWM channel.</summary>
    private bool IsOutput => _line.HardwarePwm || (_runtime.Controller.IsPinOpen(Gpio) && _runtime.Controller.GetLineSettings(Gpio).Direction == LineDirection.Output);

    /// <summary>The line's level (false when it is not open); under hardware PWM the level the channel drives now, as modelled from its period and duty.</summary>
    private bool ReadLevelNow() => _line.HardwarePwm
        ? _runtime.HardwarePwm.Output(Gpio)!.LevelAt(Now)
        : _runtime.Controller.IsPinOpen(Gpio) && _runtime.Controller.Read(Gpio).IsHigh;

    /// <summary>Shutdown: safe level, line closed.</summary>
    private void OnReleaseLine()
    {
        TryApplySafeLevel();
        if (_runtime.Controller.IsPinOpen(Gpio))
        {
            _runtime.Controller.ClosePin(Gpio);
            _line.ListeningForEdges = false;
        }

        Sender.Tell(new LineReleased(Gpio), Self);
    }

    /// <summary>The live state for GetPinStates.</summary>
    private PinStateReport Report()
    {
        var running = _running?.ActionName
            ?? (_current is { State: not TicketState.Done } current ? current.ActionName : string.Empty);
        return new PinStateReport(Gpio, ReadLevelNow(), Stash.Count, running, _line.Subscribers.Count, _line.HardwarePwm);
    }
}
