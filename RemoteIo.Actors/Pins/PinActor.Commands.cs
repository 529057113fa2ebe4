using System.Globalization;
using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Timing;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Pins;

/// <summary>Output commands: admission, queueing, hand-over to the edge scheduler, endings and outcomes.</summary>
internal sealed partial class PinActor
{
    /// <summary>A command while ready: a new one starts now, a queued one where the previous one ended.</summary>
    private void OnCommandWhenReady(RunCommand message)
    {
        var ticket = message.Ticket;
        switch (ticket.State)
        {
            case TicketState.Done:
                return;
            case TicketState.Prequeued:
                TakeTurn(ticket);
                return;
            case TicketState.Queued:
                Begin(ticket, _chain);
                return;
        }

        if (!Admit(ticket))
        {
            return;
        }

        if (ticket.IsClose)
        {
            _line.Closing = true;
            Accept(ticket);
            ReleaseClaim(ticket, _line.Claim!.SessionId);
            return;
        }

        Begin(ticket, Now);
    }

    /// <summary>A command while a timed one runs: queued behind it, or replacing it.</summary>
    private void OnCommandWhenBusy(RunCommand message)
    {
        var ticket = message.Ticket;
        if (ticket.State == TicketState.Done)
        {
            return;
        }

        if (ticket.State != TicketState.New)
        {
            Enqueue(ticket);
            return;
        }

        if (!Admit(ticket))
        {
            return;
        }

        if (ticket.Policy == CommandPolicy.Replace)
        {
            Replace(ticket);
            return;
        }

        if (ticket.IsClose)
        {
            // From now on the pin refuses commands, even while the close itself still waits its turn.
            _line.Closing = true;
        }

        Accept(ticket);
        ticket.State = TicketState.Queued;
        ticket.WasQueued = true;
        Enqueue(ticket);
    }

    /// <summary>Refuses a command that may not run on this pin now; true when it may.</summary>
    private bool Admit(CommandTicket ticket)
    {
        var claim = _line.Claim;
        if (claim is null || claim.SessionId != ticket.SessionId)
        {
            return Reject(ticket, RejectReason.NotClaimed, $"{Name} is not claimed by this session");
        }

        if (claim.Role != ClaimRole.Output)
        {
            return Reject(ticket, RejectReason.WrongRole, $"{Name} is claimed as an input; claim it as an output to drive it");
        }

        if (_line.Closing)
        {
            return Reject(ticket, RejectReason.PinClosed, $"{Name}: pin closed");
        }

        if (ticket.Policy == CommandPolicy.RejectIfBusy && (_running is not null || Stash.Count > 0))
        {
            return Reject(ticket, RejectReason.PinBusyNow, string.Create(CultureInfo.InvariantCulture, $"{Name} is busy ({_running?.ActionName ?? "work"} running, {Stash.Count} queued) and {ticket} asked to be rejected if busy"));
        }

        return true;
    }

    /// <summary>Stashes an accepted command and, if it is next, hands it to the scheduler ahead of time.</summary>
    private void Enqueue(CommandTicket ticket)
    {
        Stash.Stash();
        _queue.Add(ticket);
        TryPrequeue();
    }

    /// <summary>
    /// Hands the next queued command to the scheduler to take over exactly when the running one
    /// ends, so no actor latency (and no glitch through the final level) falls between them. A
    /// close, a command the interlocks would have to decide on, or one the max-on-time cuts at once
    /// waits for its turn instead.
    /// </summary>
    private void TryPrequeue()
    {
        if (_running is null || _prequeued is not null || _queue.Count == 0)
        {
            return;
        }

        var next = _queue[0];
        if (next.State != TicketState.Queued || next.IsClose)
        {
            return;
        }

        if (CommandShapes.IsEnergising(next.Command) && !_interlockHeld && _runtime.Interlocks.IsInterlocked(Gpio))
        {
            return;
        }

        // Across the GPIO line and the hardware channel the hand-over needs the actor (the line is released or requested).
        if (!Plan(next, _running.EndNanoseconds, mayAcquire: false, out var waveform, out var cutAtStart) || cutAtStart || next.Hardware != _line.HardwarePwm)
        {
            return;
        }

        Hand(next, waveform, startsNow: false);
        next.State = TicketState.Prequeued;
        _prequeued = next;
        SyncInterlock();
    }

    /// <summary>Starts a command at <paramref name="start"/>: plan, interlocks, hand-over, then its turn.</summary>
    private void Begin(CommandTicket ticket, long start)
    {
        if (ticket.IsClose)
        {
            ReleaseClaim(ticket, ticket.SessionId);
            return;
        }

        var fresh = ticket.State == TicketState.New;
        if (!Plan(ticket, start, mayAcquire: true, out var waveform, out var cutAtStart))
        {
            return;
        }

        if (cutAtStart)
        {
            if (fresh)
            {
                Accept(ticket);
            }

            CutAtStart(ticket, start);
            return;
        }

        // A fresh command starts when it is written; a queued one exactly where its predecessor ended.
        if (!Hand(ticket, waveform, startsNow: fresh))
        {
            return;
        }

        if (fresh)
        {
            // What the new command cut (an untimed blink, say) ends before the new one is accepted.
            ConcludeCut(ticket.StartNanoseconds);
            Accept(ticket);
        }

        TakeTurn(ticket);
    }

    /// <summary>
    /// A replace policy: supersede the queued commands, cut the running one, start now. The old
    /// commands' outcomes (superseded, interrupted) are settled before the new command's ACCEPTED,
    /// so a client reading the stream sees the old work end first.
    /// </summary>
    private void Replace(CommandTicket ticket)
    {
        if (ticket.IsClose)
        {
            _line.Closing = true;
            SupersedeQueue($"superseded by {ticket}");
            MarkEnding($"interrupted by {ticket}", atShutdown: false);
            CancelToSafeLevel();
            Accept(ticket);
            ReleaseClaim(ticket, ticket.SessionId);
            _running = null;
            BecomeReady();
            return;
        }

        if (!Plan(ticket, Now, mayAcquire: true, out var waveform, out var cutAtStart))
        {
            return;
        }

        SupersedeQueue($"superseded by {ticket}");
        MarkEnding($"interrupted by {ticket}", atShutdown: false);
        if (cutAtStart)
        {
            if (_currentEnergising)
            {
                CancelToSafeLevel();
            }

            Accept(ticket);
            CutAtStart(ticket, ticket.StartNanoseconds);
        }
        else if (Hand(ticket, waveform, startsNow: true))
        {
            ConcludeCut(ticket.StartNanoseconds);
            Accept(ticket);
            _running = null;
            TakeTurn(ticket);
        }

        if (_running is null)
        {
            BecomeReady();
        }
    }

    /// <summary>Tells the commands this actor is about to end (the running one, an untimed current one) why, for their outcomes.</summary>
    private void MarkEnding(string cause, bool atShutdown)
    {
        foreach (var ticket in _inFlight.Values)
        {
            if (ticket.State == TicketState.Running)
            {
                ticket.EndCause = cause;
                ticket.CutAtShutdown = atShutdown;
            }
        }
    }

    /// <summary>
    /// Works out a command's waveform from <paramref name="start"/>: its end, whether it energises
    /// the pin (exclusive groups), and whether the max-on-time shortens it. False when an interlock
    /// refuses it (rejected when <paramref name="mayAcquire"/>, otherwise left for its turn).
    /// </summary>
    private bool Plan(CommandTicket ticket, long start, bool mayAcquire, out Waveform waveform, out bool cutAtStart)
    {
        waveform = default;
        cutAtStart = false;
        ticket.Hardware = WantsHardware(ticket.Command);
        if (!ticket.Hardware && SoftwareRefusal(ticket.Command) is { } refusal)
        {
            return mayAcquire && Reject(ticket, RejectReason.InvalidArgument, refusal);
        }

        ticket.StartNanoseconds = start;
        ticket.Energising = CommandShapes.IsEnergising(ticket.Command);
        ticket.CutByMaxOnTime = false;
        ticket.EnergisedSinceNanoseconds = -1;
        var end = ticket.Timed ? start + ticket.DurationNanoseconds : Waveform.NoEnd;
        var finalLevel = PinValue.Low;
        if (ticket.Energising)
        {
            if (!_interlockHeld && mayAcquire)
            {
                if (!_runtime.Interlocks.TryEnergise(Gpio, out var conflict))
                {
                    return Reject(ticket, RejectReason.Interlock, $"{conflict}; {ticket} for {Name} was not run");
                }

                // Only pins in a group hold anything; for the others energising is free.
                _interlockHeld = _runtime.Interlocks.IsInterlocked(Gpio);
            }

            var continuous = _currentEnergising && _energisedSince >= 0 && _currentEnd >= start;
            ticket.EnergisedSinceNanoseconds = continuous ? _energisedSince : start;
            if (_line.Settings.MaxOnTime is { } maxOnTime)
            {
                var deadline = ticket.EnergisedSinceNanoseconds + ClockTime.ToNanoseconds(maxOnTime);
                if ((_tripped && ticket.WasQueued) || deadline <= start)
                {
                    cutAtStart = true;
                    return true;
                }

                if (end > deadline)
                {
                    end = deadline;
                    finalLevel = _line.Settings.SafeLevel;
                    ticket.CutByMaxOnTime = true;
                }
            }
        }

        ticket.EndNanoseconds = end;
        ticket.FinalLevel = finalLevel;
        waveform = CommandShapes.Shape(ticket.Command, start, end, finalLevel, _runtime.Timing, _runtime.Settings);
        return true;
    }

    /// <summary>
    /// Gives a planned command's waveform to the edge scheduler, or to the pin's hardware PWM
    /// channel. What that ends (the waveform it replaces, or even itself when it was already over by
    /// the time it got there — a late actor) comes back through the mailbox, after this turn has
    /// recorded the command as running. False when the command was rejected: its hardware channel
    /// failed and software PWM cannot make its frequency.
    /// </summary>
    /// <remarks>
    /// A command that <paramref name="startsNow"/> (a fresh one, not a queued one) takes the instant
    /// its first level is written as its start: a pin thread preempted between <see cref="Plan"/>
    /// and the hand-over delays the command but shortens none of its durations. A queued one starts
    /// where its predecessor ends, unless the scheduler takes it over late (a stalled timing thread,
    /// or this actor handing it over after that instant): then it too starts when it is written and
    /// runs its full duration, and its timestamps follow (here, or from its predecessor's end in
    /// <see cref="HandleEnding"/>). The hardware PWM channel follows the same rule. Only an energising
    /// command continuing an energised stretch under a max-on-time keeps its planned timestamps, so
    /// lateness can never carry the pin past its deadline.
    /// </remarks>
    private bool Hand(CommandTicket ticket, in Waveform waveform, bool startsNow)
    {
        ticket.Token = ++_line.LastToken;
        _inFlight[ticket.Token] = ticket;

        // A pin already energised since earlier keeps that origin (its max-on-time deadline included).
        var continuesEnergised = ticket.Energising && ticket.EnergisedSinceNanoseconds != ticket.StartNanoseconds;
        var keepsPlannedTimes = continuesEnergised && (startsNow || _line.Settings.MaxOnTime is not null);
        if (ticket.Hardware)
        {
            if (TryRunOnHardware(ticket, waveform, startsNow, keepsPlannedTimes, out var start))
            {
                MoveStart(ticket, start);
                return true;
            }

            // A fresh token: the channel's report of the failed attempt must not end the software run.
            _inFlight.Remove(ticket.Token);
            ticket.Hardware = false;
            if (SoftwareRefusal(ticket.Command) is { } refusal)
            {
                return Reject(ticket, RejectReason.InvalidArgument, refusal);
            }

            ticket.Token = ++_line.LastToken;
            _inFlight[ticket.Token] = ticket;
        }

        if (_line.HardwarePwm)
        {
            LeaveHardware(InitialLevel(waveform));
        }

        if (keepsPlannedTimes)
        {
            _runtime.Scheduler.Start(Gpio, waveform, ticket.Token);
        }
        else if (startsNow)
        {
            MoveStart(ticket, _runtime.Scheduler.StartNow(Gpio, waveform, ticket.Token));
        }
        else
        {
            MoveStart(ticket, _runtime.Scheduler.StartQueued(Gpio, waveform, ticket.Token));
        }

        return true;
    }

    /// <summary>Moves a planned command's timestamps (start, end, energised-since) to the start the scheduler gave it.</summary>
    private static void MoveStart(CommandTicket ticket, long start)
    {
        var shift = start - ticket.StartNanoseconds;
        if (ticket.EnergisedSinceNanoseconds == ticket.StartNanoseconds)
        {
            ticket.EnergisedSinceNanoseconds = start;
        }

        ticket.StartNanoseconds = start;
        if (ticket.EndNanoseconds != Waveform.NoEnd)
        {
            ticket.EndNanoseconds += shift;
        }
    }

    /// <summary>The command's waveform is the pin's current one: bookkeeping, busy or finished.</summary>
    private void TakeTurn(CommandTicket ticket)
    {
        ticket.State = TicketState.Running;
        MakeCurrent(ticket);
        if (!ticket.Energising || !ticket.WasQueued)
        {
            _tripped = false;
        }

        if (ticket.Timed)
        {
            _running = ticket;
            _chain = ticket.EndNanoseconds;
            BecomeBusy();
            TryPrequeue();
            return;
        }

        _chain = ticket.StartNanoseconds;
        if (CommandShapes.CompletesWhenApplied(ticket.Command) && !ticket.CutByMaxOnTime)
        {
            // On and off without a duration are done once applied; they hold until the next command.
            _inFlight.Remove(ticket.Token);
            Finish(ticket, OutcomeKind.Completed, ticket.StartNanoseconds, ticket.StartNanoseconds);
        }
    }

    /// <summary>Records <paramref name="ticket"/>'s waveform as the current one.</summary>
    private void MakeCurrent(CommandTicket ticket)
    {
        _current = ticket;
        _currentToken = ticket.Token;
        _currentEnd = ticket.EndNanoseconds;
        _currentEnergising = ticket.Energising;
        _energisedSince = ticket.EnergisedSinceNanoseconds;
        SyncInterlock();
    }

    /// <summary>A command the max-on-time cuts before it starts: the pin stays at (or goes to) its safe level.</summary>
    private void CutAtStart(CommandTicket ticket, long start)
    {
        if (_currentEnergising)
        {
            CancelToSafeLevel();
        }

        var message = MaxOnTimeMessage();
        Finish(ticket, OutcomeKind.Interrupted, start, start, message, RejectReason.Interlock);
        _line.Claim?.Client.Tell(Outcomes.Notice(Gpio, PinNotice.Types.Kind.MaxOnTime, message, start), Self);
        _chain = start;

        // Planning may have taken the exclusive groups for this command; it never ran.
        SyncInterlock();
    }

    /// <summary>The message of a max-on-time cut.</summary>
    private string MaxOnTimeMessage() =>
        $"{Name}: max on-time {_line.Settings.MaxOnTime} reached; the pin was set to its safe level ({(_line.Settings.SafeLevel.IsHigh ? "high" : "low")})";

    /// <summary>Handles a waveform ending: outcome, current waveform, busy → ready.</summary>
    /// <param name="ending">The ending.</param>
    private void HandleEnding(WaveformEnded ending)
    {
        var known = _inFlight.Remove(ending.Token, out var ticket);
        if (ending.Reason == WaveformEndReason.Faulted && (known || ending.Token == _currentToken))
        {
            if (ticket is not null)
            {
                _inFlight[ending.Token] = ticket;
            }

            var fault = ticket?.Hardware == true ? _runtime.HardwarePwm.Output(Gpio)?.LastFault : _runtime.Scheduler.LastFault;
            if (ticket?.Hardware == true)
            {
                // A channel that failed once is not trusted again; the restart puts the pin back on its line.
                _runtime.HardwarePwm.Disable(Gpio, fault?.Message ?? "a write to the channel failed");
            }

            throw new PinFaultException($"writing {Name} failed: {fault?.Message ?? "the driver reported a fault"}", fault);
        }

        if (ticket is not null)
        {
            Conclude(ticket, ending);
            if (ending.Reason == WaveformEndReason.Completed && ticket.Timed)
            {
                _chain = Math.Max(_chain, ending.EndNanoseconds);
            }
        }

        if (ending.Token == _currentToken && ending.Reason != WaveformEndReason.Superseded)
        {
            if (ending.Reason == WaveformEndReason.Completed && _prequeued is { State: not TicketState.Done } next)
            {
                // The queued command took over at this instant; its turn (busy or done) follows when it is unstashed.
                // Taken over late, it started there instead of at its planned start (the scheduler moved it).
                if (ending.EndNanoseconds > next.StartNanoseconds)
                {
                    MoveStart(next, ending.EndNanoseconds);
                }

                _prequeued = null;
                MakeCurrent(next);
            }
            else
            {
                _prequeued = null;
                ClearCurrent();
            }
        }

        if (_line.HardwarePwm && _current is not { Hardware: true })
        {
            // The channel's waveform ended (disabled at its end instant): the line takes the pin back at the final level.
            LeaveHardware(ticket?.FinalLevel ?? _line.Settings.SafeLevel);
        }

        if (ticket is not null && ReferenceEquals(ticket, _running))
        {
            _running = null;
            BecomeReady();
        }
    }

    /// <summary>Sends a command's final outcome from how its waveform ended.</summary>
    private void Conclude(CommandTicket ticket, WaveformEnded ending)
    {
        switch (ending.Reason)
        {
            case WaveformEndReason.Completed when ticket.CutByMaxOnTime:
                var message = MaxOnTimeMessage();
                Finish(ticket, OutcomeKind.Interrupted, ticket.StartNanoseconds, ending.EndNanoseconds, message, RejectReason.Interlock);
                _line.Claim?.Client.Tell(Outcomes.Notice(Gpio, PinNotice.Types.Kind.MaxOnTime, message, ending.EndNanoseconds), Self);
                _tripped = true;
                break;
            case WaveformEndReason.Completed:
                Finish(ticket, OutcomeKind.Completed, ticket.StartNanoseconds, ending.EndNanoseconds);
                break;
            case WaveformEndReason.Interrupted when ticket.CutAtShutdown:
                Finish(ticket, OutcomeKind.Interrupted, ticket.StartNanoseconds, ending.EndNanoseconds, ticket.EndCause ?? "cut", RejectReason.ShuttingDown);
                break;
            case WaveformEndReason.Interrupted when !ticket.Timed:
                // Blink, pulse, value and servo without a duration run until the next command replaces them.
                Finish(ticket, OutcomeKind.Completed, ticket.StartNanoseconds, ending.EndNanoseconds);
                break;
            case WaveformEndReason.Interrupted:
                Finish(ticket, OutcomeKind.Interrupted, ticket.StartNanoseconds, ending.EndNanoseconds, ticket.EndCause ?? "interrupted");
                break;
            default:
                Finish(ticket, OutcomeKind.Superseded, message: ticket.EndCause ?? "superseded before it started");
                break;
        }
    }

    /// <summary>Forgets the current waveform (it ended or was cut; the line holds its final level).</summary>
    private void ClearCurrent()
    {
        _current = null;
        _currentToken = 0;
        _currentEnd = 0;
        _currentEnergising = false;
        _energisedSince = -1;
        SyncInterlock();
    }

    /// <summary>Keeps the exclusive groups in step: held while the current or the prequeued waveform can drive the pin high.</summary>
    private void SyncInterlock()
    {
        if (_interlockHeld && !_currentEnergising && _prequeued is not { Energising: true })
        {
            ReleaseInterlock();
        }
    }

    /// <summary>Lets go of the exclusive groups.</summary>
    private void ReleaseInterlock()
    {
        if (_interlockHeld)
        {
            _runtime.Interlocks.Release(Gpio);
            _interlockHeld = false;
        }
    }

    /// <summary>Supersedes every stashed command; other stashed messages (a drain) go back to the mailbox in order.</summary>
    private void SupersedeQueue(string cause)
    {
        var prequeued = _prequeued;
        _prequeued = null;
        if (Stash.Count == 0)
        {
            return;
        }

        var now = Now;
        Stash.UnstashAll(envelope => envelope.Message is not RunCommand);
        foreach (var envelope in Stash.ClearStash())
        {
            if (envelope.Message is not RunCommand { Ticket: var queued })
            {
                continue;
            }

            if (ReferenceEquals(queued, prequeued) && queued.StartNanoseconds <= now)
            {
                // It took over at the edge before this actor heard the previous one end: it runs, and the
                // scheduler call that follows reports it interrupted.
                queued.State = TicketState.Running;
                continue;
            }

            _inFlight.Remove(queued.Token);
            Finish(queued, OutcomeKind.Superseded, message: cause);
        }

        _queue.Clear();
    }

    /// <summary>Answers ACCEPTED.</summary>
    private void Accept(CommandTicket ticket) =>
        ticket.ReplyTo.Tell(Outcomes.Command(ticket.CommandId, Gpio, OutcomeKind.Accepted, Now), Self);

    /// <summary>Rejects a command; always false (for <c>return Reject(...)</c>).</summary>
    private bool Reject(CommandTicket ticket, RejectReason reason, string message)
    {
        Finish(ticket, OutcomeKind.Rejected, message: message, reason: reason);
        return false;
    }

    /// <summary>Sends a command's final outcome, once.</summary>
    private void Finish(CommandTicket ticket, OutcomeKind kind, long startedAt = 0, long endedAt = 0, string message = "", RejectReason reason = RejectReason.Unspecified)
    {
        if (ticket.State == TicketState.Done)
        {
            return;
        }

        ticket.State = TicketState.Done;
        ticket.ReplyTo.Tell(Outcomes.Command(ticket.CommandId, Gpio, kind, startedAt, endedAt, message, reason), Self);
    }
}
