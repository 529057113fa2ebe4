using RemoteIo.Actors.Kernel.Dispatch;

namespace RemoteIo.Actors.Kernel;

/// <summary>Children: creation and lookup (thread-safe, under a lock) and their supervision messages.</summary>
internal sealed partial class ActorCell
{
    /// <summary>Children state: accepting new children.</summary>
    private const int ChildrenNormal = 0;

    /// <summary>Children state: stopping; waiting for the children to terminate before finishing.</summary>
    private const int ChildrenTerminating = 1;

    /// <summary>Children state: restarting; waiting for the stopped children before creating the new instance.</summary>
    private const int ChildrenRecreating = 2;

    /// <summary>Children state: terminated.</summary>
    private const int ChildrenTerminated = 3;

    /// <summary>Characters of generated child names (Akka's base64 alphabet).</summary>
    private const string NameAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+~";

    /// <summary>The children by name, including ones being stopped (their names stay taken until they have terminated).</summary>
    private readonly Dictionary<string, ChildRestartStats> _children = new(StringComparer.Ordinal);

    /// <summary>Guards <see cref="_children"/> and <see cref="_childrenState"/>: the actor system creates top-level actors from any thread.</summary>
    private readonly Lock _childrenLock = new();

    /// <summary>One of the Children* constants.</summary>
    private int _childrenState;

    /// <summary>Source of generated child names.</summary>
    private long _nextChildName;

    /// <summary>Creates and starts a child (thread-safe).</summary>
    /// <param name="props">How to create it.</param>
    /// <param name="name">Its name, or null to generate one.</param>
    /// <returns>The child's reference.</returns>
    internal LocalActorRef AttachChild(Props props, string? name)
    {
        ArgumentNullException.ThrowIfNull(props);
        var dispatcher = _system.Dispatchers.Lookup(props.Dispatcher);
        name = name is null ? GenerateName() : ValidateName(name);
        ActorCell child;
        lock (_childrenLock)
        {
            if (_childrenState is ChildrenTerminating or ChildrenTerminated)
            {
                throw new InvalidOperationException($"Cannot create child [{name}] of {_self.Path}: it is stopping or stopped.");
            }

            if (_children.ContainsKey(name))
            {
                throw new InvalidActorNameException($"Actor name [{name}] is not unique among the children of {_self.Path}.");
            }

            var path = (_self.Path / name).WithUid(NewUid());
            child = new ActorCell(_system, path, props, dispatcher, _self);
            _children.Add(name, new ChildRestartStats(child.SelfRef));
        }

        child.Start();
        return child.SelfRef;
    }

    /// <inheritdoc />
    public IActorRef Child(string name) => GetChildByName(name) ?? ActorRefs.Nobody;

    /// <summary>Looks up a child by name (thread-safe).</summary>
    /// <returns>The child, or null.</returns>
    internal LocalActorRef? GetChildByName(string name)
    {
        lock (_childrenLock)
        {
            return _children.TryGetValue(name, out var stats) ? stats.Child : null;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<IActorRef> GetChildren()
    {
        lock (_childrenLock)
        {
            var children = new IActorRef[_children.Count];
            var i = 0;
            foreach (var stats in _children.Values)
            {
                children[i++] = stats.Child;
            }

            return children;
        }
    }

    /// <inheritdoc />
    public void Stop(IActorRef child)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child is LocalActorRef local)
        {
            lock (_childrenLock)
            {
                if (_children.TryGetValue(local.Path.Name, out var stats) && stats.Child.Equals(local))
                {
                    stats.Stopping = true;
                }
            }

            local.SendSystemMessage(new Terminate());
        }
        else
        {
            child.Tell(PoisonPill.Instance, _self);
        }
    }

    /// <summary>Tells a child to resume after a failure it was suspended for.</summary>
    internal static void ResumeChild(IActorRef child, Exception cause) => ((IInternalActorRef)child).SendSystemMessage(new Resume(cause));

    /// <summary>Tells a child to restart; siblings restarted with it are suspended first to balance the restart's resume.</summary>
    internal static void RestartChild(IActorRef child, Exception cause, bool suspendFirst)
    {
        var target = (IInternalActorRef)child;
        if (suspendFirst)
        {
            target.SendSystemMessage(new Suspend());
        }

        target.SendSystemMessage(new Recreate(cause));
    }

    /// <summary>Finds the bookkeeping of a current child.</summary>
    private bool TryGetChildStats(IActorRef child, out ChildRestartStats stats)
    {
        lock (_childrenLock)
        {
            return _children.TryGetValue(child.Path.Name, out stats!) && stats.Child.Equals(child);
        }
    }

    /// <summary>A snapshot of all children's bookkeeping.</summary>
    private ChildRestartStats[] ChildStatsSnapshot()
    {
        lock (_childrenLock)
        {
            return [.. _children.Values];
        }
    }

    /// <summary>Suspends every child (this actor failed).</summary>
    private void SuspendChildren()
    {
        foreach (var stats in ChildStatsSnapshot())
        {
            stats.Child.SendSystemMessage(new Suspend());
        }
    }

    /// <summary>Resumes every child (this actor was resumed).</summary>
    private void ResumeChildren()
    {
        foreach (var stats in ChildStatsSnapshot())
        {
            stats.Child.SendSystemMessage(new Resume(null));
        }
    }

    /// <summary>Marks every child as stopping, optionally moves to <paramref name="newState"/>, and tells the children to stop.</summary>
    /// <returns>True when there are children to wait for.</returns>
    private bool StopAllChildren(int? newState)
    {
        ChildRestartStats[] children;
        lock (_childrenLock)
        {
            children = [.. _children.Values];
            foreach (var stats in children)
            {
                stats.Stopping = true;
            }

            _childrenState = newState ?? _childrenState;
        }

        foreach (var stats in children)
        {
            stats.Child.SendSystemMessage(new Terminate());
        }

        return children.Length > 0;
    }

    /// <summary>Removes a terminated child; finishes a stop or restart that was waiting for it.</summary>
    private void HandleChildTerminated(LocalActorRef child)
    {
        int state;
        bool waiting;
        lock (_childrenLock)
        {
            if (_children.TryGetValue(child.Path.Name, out var stats) && stats.Child.Equals(child))
            {
                _children.Remove(child.Path.Name);
            }

            state = _childrenState;
            waiting = HasStoppingChildren();
        }

        if (waiting)
        {
            return;
        }

        if (state == ChildrenTerminating)
        {
            FinishTerminate();
        }
        else if (state == ChildrenRecreating)
        {
            FinishRecreate();
        }
    }

    /// <summary>True while a child is still being stopped; the caller holds <see cref="_childrenLock"/>.</summary>
    private bool HasStoppingChildren()
    {
        foreach (var stats in _children.Values)
        {
            if (stats.Stopping)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Checks a user-given child name.</summary>
    private static string ValidateName(string name)
    {
        if (name.Length == 0)
        {
            throw new InvalidActorNameException("An actor name must not be empty.");
        }

        if (name[0] == '$')
        {
            throw new InvalidActorNameException($"Actor name [{name}] must not start with '$' (reserved for generated names).");
        }

        if (!ActorPath.IsValidElement(name))
        {
            throw new InvalidActorNameException($"Actor name [{name}] is invalid: use letters, digits, %-escapes and -_.*$+:@&=,!~';\" only.");
        }

        return name;
    }

    /// <summary>A new random incarnation uid (never 0, which means "no uid").</summary>
    private static long NewUid() => Random.Shared.Next(1, int.MaxValue);

    /// <summary>Generates the next child name: <c>$a</c>, <c>$b</c>, ...</summary>
    private string GenerateName()
    {
        var n = Interlocked.Increment(ref _nextChildName) - 1;
        var name = new System.Text.StringBuilder("$");
        do
        {
            name.Append(NameAlphabet[(int)(n & 63)]);
            n >>= 6;
        }
        while (n != 0);
        return name.ToString();
    }
}
