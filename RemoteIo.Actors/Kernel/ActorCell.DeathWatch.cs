using RemoteIo.Actors.Kernel.Dispatch;
using RemoteIo.Actors.Kernel.Event;

namespace RemoteIo.Actors.Kernel;

/// <summary>
/// Death watch: whom this actor watches, who watches it, and the <see cref="Terminated"/> messages
/// queued but not yet received (so an <c>Unwatch</c> can still drop them).
/// </summary>
internal sealed partial class ActorCell
{
    /// <summary>Actors this actor watches, each with its custom termination message (null: <see cref="Terminated"/>).</summary>
    private Dictionary<IActorRef, object?>? _watching;

    /// <summary>Actors watching this actor (besides the parent, which is always told).</summary>
    private HashSet<IActorRef>? _watchedBy;

    /// <summary>Watched actors whose <see cref="Terminated"/> is in the mailbox, with their custom message.</summary>
    private Dictionary<IActorRef, object?>? _terminatedQueued;

    /// <inheritdoc />
    public IActorRef Watch(IActorRef subject) => WatchCore(subject, null);

    /// <inheritdoc />
    public IActorRef WatchWith(IActorRef subject, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WatchCore(subject, message);
    }

    /// <inheritdoc />
    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (_watching is not null && _watching.Remove(subject) && subject is IInternalActorRef target)
        {
            target.SendSystemMessage(new Unwatch(target, _self));
        }

        _terminatedQueued?.Remove(subject);
        return subject;
    }

    /// <summary>Registers the watch and sends <see cref="Dispatch.Watch"/> to the subject (local or remote).</summary>
    private IActorRef WatchCore(IActorRef subject, object? message)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject is not IInternalActorRef target)
        {
            throw new ArgumentException($"Cannot watch {subject}: it is not a reference issued by an actor system.", nameof(subject));
        }

        if (subject.Equals(_self))
        {
            return subject;
        }

        _watching ??= [];
        if (_watching.TryAdd(subject, message))
        {
            target.SendSystemMessage(new Watch(target, _self));
        }
        else
        {
            _watching[subject] = message;
        }

        return subject;
    }

    /// <summary>Handles a <see cref="Dispatch.Watch"/>: someone watches us, or we are asked to watch someone.</summary>
    private void AddWatcher(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        var watcheeIsSelf = watchee.Equals(_self);
        var watcherIsSelf = watcher.Equals(_self);
        if (watcheeIsSelf && !watcherIsSelf)
        {
            (_watchedBy ??= []).Add(watcher);
        }
        else if (!watcheeIsSelf && watcherIsSelf)
        {
            WatchCore(watchee, null);
        }
        else
        {
            Log.Warning("Ignored a Watch of {0} by {1} delivered to {2}.", watchee, watcher, _self);
        }
    }

    /// <summary>Handles a <see cref="Dispatch.Unwatch"/>.</summary>
    private void RemoveWatcher(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        var watcheeIsSelf = watchee.Equals(_self);
        var watcherIsSelf = watcher.Equals(_self);
        if (watcheeIsSelf && !watcherIsSelf)
        {
            _watchedBy?.Remove(watcher);
        }
        else if (!watcheeIsSelf && watcherIsSelf)
        {
            Unwatch(watchee);
        }
    }

    /// <summary>A watched actor or a child terminated: queue exactly one <see cref="Terminated"/> if watched; drop the child.</summary>
    private void WatchedActorTerminated(DeathWatchNotification notification)
    {
        var actor = notification.Actor;
        if (_watching is not null && _watching.Remove(actor, out var custom) && _childrenState is not (ChildrenTerminating or ChildrenTerminated))
        {
            (_terminatedQueued ??= [])[actor] = custom;
            _self.Tell(new WatchedTerminated(new Terminated(actor, notification.ExistenceConfirmed, notification.AddressTerminated)), actor);
        }

        if (actor is LocalActorRef local && TryGetChildStats(local, out _))
        {
            HandleChildTerminated(local);
        }
    }

    /// <summary>Delivers a queued <see cref="Terminated"/> (or the custom message) unless it was unwatched meanwhile.</summary>
    private void ReceivedTerminated(Terminated terminated)
    {
        if (_terminatedQueued is null || !_terminatedQueued.Remove(terminated.ActorRef, out var custom))
        {
            return;
        }

        var message = custom ?? terminated;
        _currentMessage = message;
        ReceiveMessage(message);
    }

    /// <summary>Tells every watcher (but the parent, which gets its own notification) that this actor terminated.</summary>
    private void TellWatchersWeDied()
    {
        if (_watchedBy is null)
        {
            return;
        }

        foreach (var watcher in _watchedBy)
        {
            if (!watcher.Equals(_parent) && watcher is IInternalActorRef target)
            {
                target.SendSystemMessage(new DeathWatchNotification(_self, ExistenceConfirmed: true, AddressTerminated: false));
            }
        }

        _watchedBy = null;
    }

    /// <summary>Withdraws every watch this actor made (it is stopping: their Terminated would only be dead letters).</summary>
    private void UnwatchWatchedActors()
    {
        if (_watching is null)
        {
            return;
        }

        foreach (var subject in _watching.Keys)
        {
            if (subject is IInternalActorRef target)
            {
                target.SendSystemMessage(new Unwatch(target, _self));
            }
        }

        _watching = null;
        _terminatedQueued = null;
    }
}
