using RemoteIo.Actors.Kernel.Dispatch;
using RemoteIo.Actors.Kernel.Event;

namespace RemoteIo.Actors.Kernel;

/// <summary>
/// Creation, failure, supervision, restart and stop. A failure suspends the actor and its
/// children and reports to the parent as a system message; the parent's strategy answers with
/// Resume, Recreate or Terminate (or escalates by failing itself).
/// </summary>
internal sealed partial class ActorCell
{
    /// <summary>True between a failure and the supervisor's decision.</summary>
    private bool _isFailed;

    /// <summary>The message that was being processed when the actor failed (given to <c>PreRestart</c>).</summary>
    private object? _failedMessage;

    /// <summary>The failure a pending restart is for (set while waiting for children to stop).</summary>
    private Exception? _recreateCause;

    /// <summary>True when the pending restart replaces an instance that never finished creation (PreStart instead of PostRestart).</summary>
    private bool _recreateFromCreate;

    /// <summary>Set once the actor has fully terminated.</summary>
    private volatile bool _isTerminated;

    /// <summary>True once the actor has fully terminated (thread-safe).</summary>
    internal bool IsTerminated => _isTerminated;

    /// <summary>Handles a system message that arrived after termination: a watch is answered at once.</summary>
    internal void HandleDeadSystemMessage(SystemMessage message)
    {
        if (message is Watch watch && watch.Watchee.Equals(_self) && !watch.Watcher.Equals(_self))
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(_self, ExistenceConfirmed: false, AddressTerminated: false));
        }
    }

    /// <summary>
    /// The actor failed: suspend it and its children and ask the parent what to do. A failure
    /// while stopping, or while already waiting for the parent, is only logged.
    /// </summary>
    internal void HandleInvokeFailure(Exception cause)
    {
        if (_childrenState is ChildrenTerminating or ChildrenTerminated)
        {
            Log.Error(cause, "{0} failed while stopping: {1}", _self.Path, cause.Message);
            return;
        }

        if (_isFailed)
        {
            Log.Error(cause, "{0} failed again while waiting for its supervisor: {1}", _self.Path, cause.Message);
            return;
        }

        _isFailed = true;
        _failedMessage = _currentMessage;
        Mailbox.Suspend();
        SuspendChildren();
        _parent.SendSystemMessage(new Failed(_self, cause, _self.Path.Uid));
    }

    /// <summary>Creates the first instance and runs <c>PreStart</c>.</summary>
    private void CreateActor()
    {
        try
        {
            NewActor().InvokePreStart();
        }
        catch (Exception e)
        {
            _actor = null;
            throw new ActorInitializationException(_self, $"exception while creating {_props.ActorType.Name}: {e.Message}", e);
        }
    }

    /// <summary>Runs the props factory on this thread and injects the stash and timers.</summary>
    private ActorBase NewActor()
    {
        _behaviors.Clear();
        _creating = this;
        ActorBase? actor;
        bool constructed;
        try
        {
            actor = _props.Factory();
        }
        finally
        {
            // The ActorBase constructor takes the cell; if it is still here, no new instance was built.
            constructed = _creating is null;
            _creating = null;
        }

        if (actor is null || !constructed || !ReferenceEquals(actor.Cell, this))
        {
            throw new InvalidOperationException($"The props factory of {_props.ActorType.Name} must return a new instance on every call.");
        }

        if (actor is IWithStash withStash)
        {
            withStash.Stash = _stash ??= new StashImpl(this);
        }

        if (actor is IWithTimers withTimers)
        {
            withTimers.Timers = _timers ??= new TimerScheduler(this);
        }

        _actor = actor;
        return actor;
    }

    /// <summary>A child failed: apply the supervisor strategy; escalate by failing ourselves.</summary>
    private void HandleFailed(Failed failed)
    {
        if (!TryGetChildStats(failed.Child, out var stats) || failed.Child.Path.Uid != failed.Uid)
        {
            Log.Debug("Dropped the failure of {0}: not a current child of {1}.", failed.Child, _self.Path);
            return;
        }

        if (stats.Stopping || _childrenState is ChildrenTerminating or ChildrenTerminated)
        {
            return;
        }

        var strategy = _actor?.SupervisorStrategyInternal ?? _props.SupervisorStrategy ?? SupervisorStrategy.DefaultStrategy;
        if (!strategy.HandleFailure(this, stats, failed.Cause, ChildStatsSnapshot()))
        {
            HandleInvokeFailure(failed.Cause);
        }
    }

    /// <summary>Suspends this actor and its children (its parent failed).</summary>
    private void FaultSuspend()
    {
        Mailbox.Suspend();
        SuspendChildren();
    }

    /// <summary>Resumes this actor and its children; with a cause, the supervisor decided to resume after our failure.</summary>
    private void FaultResume(Exception? causedByFailure)
    {
        if (_actor is null && causedByFailure is not null)
        {
            // Creation failed, so there is no instance to resume: create one.
            FaultRecreate(causedByFailure);
            return;
        }

        Mailbox.Resume();
        if (causedByFailure is not null)
        {
            _isFailed = false;
            _failedMessage = null;
        }

        ResumeChildren();
    }

    /// <summary>
    /// Restart: cancel timers, return the stash to the mailbox, run <c>PreRestart</c> on the failed
    /// instance, then (once the children it stopped have terminated) create the new instance.
    /// </summary>
    private void FaultRecreate(Exception cause)
    {
        if (_childrenState is ChildrenTerminating or ChildrenTerminated)
        {
            return;
        }

        var failed = _actor;
        _timers?.CancelAll();
        CancelReceiveTimeout();
        _stash?.UnstashAll();
        if (failed is not null)
        {
            try
            {
                failed.InvokePreRestart(cause, _failedMessage);
            }
            catch (Exception e)
            {
                Log.Error(e, "PreRestart of {0} failed: {1}", _self.Path, e.Message);
            }
        }
        else
        {
            StopAllChildren(null);
        }

        _actor = null;
        _behaviors.Clear();
        _recreateFromCreate = failed is null;
        lock (_childrenLock)
        {
            if (HasStoppingChildren())
            {
                _childrenState = ChildrenRecreating;
                _recreateCause = cause;
                return;
            }
        }

        _recreateCause = cause;
        FinishRecreate();
    }

    /// <summary>Creates the new instance after a restart and restarts the children that survived.</summary>
    private void FinishRecreate()
    {
        var cause = _recreateCause!;
        ChildRestartStats[] survivors;
        lock (_childrenLock)
        {
            _childrenState = ChildrenNormal;
            survivors = [.. _children.Values];
        }

        _recreateCause = null;
        _isFailed = false;
        _failedMessage = null;
        Mailbox.Resume();
        try
        {
            var actor = NewActor();
            if (_recreateFromCreate)
            {
                actor.InvokePreStart();
            }
            else
            {
                actor.InvokePostRestart(cause);
            }
        }
        catch (Exception e)
        {
            _actor = null;
            HandleInvokeFailure(new ActorInitializationException(_self, $"exception while restarting {_props.ActorType.Name}: {e.Message}", e));
            return;
        }

        foreach (var survivor in survivors)
        {
            RestartChild(survivor.Child, cause, suspendFirst: false);
        }
    }

    /// <summary>Stop: withdraw watches and timers, stop the children, and finish once they have terminated.</summary>
    private void BeginTerminate()
    {
        if (_childrenState is ChildrenTerminating or ChildrenTerminated)
        {
            return;
        }

        _timers?.CancelAll();
        CancelReceiveTimeout();
        UnwatchWatchedActors();
        if (StopAllChildren(ChildrenTerminating))
        {
            // User messages wait (and end as dead letters) while the children stop.
            Mailbox.Suspend();
        }
        else
        {
            FinishTerminate();
        }
    }

    /// <summary>
    /// The children have stopped: run <c>PostStop</c>, send the stash and the mailbox to the dead
    /// letters, and tell the parent and every watcher (exactly once each).
    /// </summary>
    private void FinishTerminate()
    {
        var actor = _actor;
        try
        {
            actor?.InvokePostStop();
        }
        catch (Exception e)
        {
            Log.Error(e, "PostStop of {0} failed: {1}", _self.Path, e.Message);
        }
        finally
        {
            _actor = null;
            _behaviors.Clear();
            lock (_childrenLock)
            {
                _childrenState = ChildrenTerminated;
            }

            _isTerminated = true;
            if (_stash is not null)
            {
                foreach (var envelope in _stash.ClearStash())
                {
                    SendToDeadLetters(envelope);
                }
            }

            Mailbox.Close();
            _parent.SendSystemMessage(new DeathWatchNotification(_self, ExistenceConfirmed: true, AddressTerminated: false));
            TellWatchersWeDied();
            _system.EventStream.Unsubscribe(_self);
        }
    }
}
