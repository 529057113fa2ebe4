using System.Collections.Concurrent;

namespace RemoteIo.Actors.Kernel;

/// <summary>
/// The local actor tree: the root, <c>/user</c> and <c>/system</c> guardians, <c>/deadLetters</c>,
/// and <c>/temp</c> (the short-lived references <c>Ask</c> replies to); resolves local paths.
/// </summary>
internal sealed class LocalActorRefProvider
{
    /// <summary>The actor system.</summary>
    private readonly ActorSystem _system;

    /// <summary>Live temporary references under <c>/temp</c>, by name.</summary>
    private readonly ConcurrentDictionary<string, IInternalActorRef> _temp = new(StringComparer.Ordinal);

    /// <summary>Source of temporary names.</summary>
    private long _tempCounter;

    /// <summary>Creates the tree and starts the guardians.</summary>
    /// <param name="system">The actor system.</param>
    public LocalActorRefProvider(ActorSystem system)
    {
        _system = system;
        RootPath = ActorPath.RootOf(system.Address);
        DeadLetters = new DeadLetterActorRef(system, RootPath / "deadLetters");
        var rootSupervisor = new RootSupervisorRef(system, RootPath / "bubble-walker");
        var rootProps = Props.Create(() => new RootGuardianActor(this));
        var rootCell = new ActorCell(system, RootPath, rootProps, system.Dispatchers.DefaultDispatcher, rootSupervisor);
        RootGuardian = rootCell.SelfRef;
        UserGuardian = rootCell.AttachChild(Props.Create<GuardianActor>(), "user");
        SystemGuardian = rootCell.AttachChild(Props.Create<SystemGuardianActor>(), "system");
        rootCell.Start();
    }

    /// <summary>The root path of the local address.</summary>
    public ActorPath RootPath { get; }

    /// <summary>The root guardian <c>/</c>.</summary>
    public LocalActorRef RootGuardian { get; }

    /// <summary>The user guardian <c>/user</c>.</summary>
    public LocalActorRef UserGuardian { get; }

    /// <summary>The system guardian <c>/system</c>.</summary>
    public LocalActorRef SystemGuardian { get; }

    /// <summary>The dead letters <c>/deadLetters</c>.</summary>
    public DeadLetterActorRef DeadLetters { get; }

    /// <summary>Registers a temporary reference under a fresh <c>/temp</c> name.</summary>
    /// <param name="create">Creates the reference for the path it is given.</param>
    /// <returns>The registered reference.</returns>
    public TRef RegisterTemp<TRef>(Func<ActorPath, TRef> create)
        where TRef : IInternalActorRef
    {
        var name = "$" + Interlocked.Increment(ref _tempCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var reference = create(RootPath / "temp" / name);
        _temp[name] = reference;
        return reference;
    }

    /// <summary>Removes a temporary reference.</summary>
    public void UnregisterTemp(ActorPath path) => _temp.TryRemove(path.Name, out _);

    /// <summary>Resolves a local path, ignoring its address; a path to nothing yields a dead-letter reference for it.</summary>
    /// <remarks>
    /// The remote layer calls this for every inbound message, so resolving an existing actor
    /// allocates nothing: the path is walked where it stands, never copied into an element list.
    /// </remarks>
    /// <param name="path">The path.</param>
    /// <returns>The reference.</returns>
    public IActorRef ResolveLocal(ActorPath path)
    {
        IActorRef? found = path.Depth switch
        {
            0 => RootGuardian,
            1 when string.Equals(path.Name, "deadLetters", StringComparison.Ordinal) => DeadLetters,
            2 when string.Equals(path.Parent.Name, "temp", StringComparison.Ordinal) => _temp.TryGetValue(path.Name, out var temp) ? temp : null,
            _ => Walk(path),
        };
        if (found is null || (path.Uid != 0 && found.Path.Uid != path.Uid))
        {
            return new DeadLetterActorRef(_system, path);
        }

        return found;
    }

    /// <summary>
    /// Walks the children from the root, taking each level's name from the path's ancestor at that
    /// depth. Finding an ancestor costs one step up per level below it, but the walk stops at the
    /// first missing child, so even an absurdly deep path from the wire costs its depth times the
    /// tree's (small) depth, and no recursion can overflow the stack.
    /// </summary>
    private LocalActorRef? Walk(ActorPath path)
    {
        LocalActorRef? current = RootGuardian;
        for (var depth = 1; depth <= path.Depth && current is not null; depth++)
        {
            current = current.Cell.GetChildByName(path.AncestorAt(depth).Name);
        }

        return current;
    }
}
