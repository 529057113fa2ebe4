using RemoteIo.Actors.Gpio.Timing;
using RemoteIo.Actors.Kernel.Event;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Pins;

/// <summary>Safe levels and releases: soft close of a claim, shutdown cut, best-effort safe level after a fault.</summary>
internal sealed partial class PinActor
{
    /// <summary>Cuts the line to its safe level now (outputs only) and settles what that ended.</summary>
    private void CancelToSafeLevel()
    {
        if (_line.HardwarePwm)
        {
            ConcludeCut(LeaveHardware(_line.Settings.SafeLevel));
        }
        else if (IsOutput)
        {
            ConcludeCut(_runtime.Scheduler.Cancel(Gpio, _line.Settings.SafeLevel));
        }

        _prequeued = null;
        ClearCurrent();
    }

    /// <summary>
    /// Settles, at once, the outcomes of the commands a cut at <paramref name="at"/> ended, so they
    /// precede anything this actor says next (the pin's release above all). Their endings still
    /// come through the mailbox and are then ignored. Ends are planned, so which of them had
    /// already completed by the cut is known exactly.
    /// </summary>
    private void ConcludeCut(long at)
    {
        foreach (var ticket in _inFlight.Values.Where(t => t.State == TicketState.Running).ToList())
        {
            _inFlight.Remove(ticket.Token);
            var ending = ticket.EndNanoseconds <= at
                ? new WaveformEnded(ticket.Token, ticket.EndNanoseconds, WaveformEndReason.Completed)
                : new WaveformEnded(ticket.Token, at, WaveformEndReason.Interrupted);
            Conclude(ticket, ending);
            if (ReferenceEquals(ticket, _running))
            {
                _running = null;
            }
        }
    }

    /// <summary>Best effort safe level when the driver may be failing (fault and stop paths): errors are logged, endings dropped.</summary>
    private void TryApplySafeLevel()
    {
        try
        {
            if (_line.HardwarePwm)
            {
                LeaveHardware(_line.Settings.SafeLevel);
            }
            else if (IsOutput)
            {
                _runtime.Scheduler.Cancel(Gpio, _line.Settings.SafeLevel);
            }
        }
        catch (Exception e)
        {
            _log.Error(e, "{0}: could not apply the safe level: {1}", Name, e.Message);
        }

        _prequeued = null;
        _current = null;
        _currentToken = 0;
        _currentEnergising = false;
        _energisedSince = -1;
    }

    /// <summary>Shutdown cut: interrupt the running command, supersede the queued ones, safe level.</summary>
    private void OnCut(CutPin cut)
    {
        SupersedeQueue(cut.Reason);
        MarkEnding(cut.Reason, atShutdown: true);
        CancelToSafeLevel();
        _running = null;
        BecomeReady();
    }

    /// <summary>A drain while ready: the pin's queued work is done, so release it now.</summary>
    private void OnDrainWhenReady(DrainPin drain)
    {
        if (_line.Claim?.SessionId == drain.SessionId)
        {
            ReleaseClaim(null, drain.SessionId);
        }
        else
        {
            // Released already (a close ran first): tell again so the session's count completes.
            Context.Parent.Tell(new PinReleased(Gpio, drain.SessionId, ByCommand: false), Self);
        }
    }

    /// <summary>Soft close done: safe level, claim released, owner and supervisor told.</summary>
    private void ReleaseClaim(CommandTicket? close, string sessionId)
    {
        var now = Now;
        CancelToSafeLevel();
        var claim = _line.Claim;
        _line.Claim = null;
        _line.Closing = false;
        _tripped = false;
        if (close is not null)
        {
            Finish(close, OutcomeKind.Completed, now, now);
        }

        claim?.Client.Tell(Outcomes.Notice(Gpio, PinNotice.Types.Kind.Released, $"{Name} is in its safe level and released", now), Self);
        Context.Parent.Tell(new PinReleased(Gpio, claim?.SessionId ?? sessionId, close is not null), Self);
        LetGoIfUnused();
    }
}
