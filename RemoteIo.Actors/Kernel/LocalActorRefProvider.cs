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
    /// <param name="path">The path.</param>
    /// <returns>The reference.</returns>
    public IActorRef ResolveLocal(ActorPath path)
    {
        var elements = path.Elements;
        IActorRef? found = elements switch
        {
            [] => RootGuardian,
            ["deadLetters"] => DeadLetters,
            ["temp", var name] => _temp.TryGetValue(name, out var temp) ? temp : null,
            _ => Walk(elements),
        };
        if (found is null || (path.Uid != 0 && found.Path.Uid != path.Uid))
        {
            return new DeadLetterActorRef(_system, path);
        }

        return found;
    }

    /// <summary>Walks the children from the root.</summary>
    private LocalActorRef? Walk(IReadOnlyList<string> elements)
    {
        LocalActorRef? current = RootGuardian;
        foreach (var name in elements)
        {
            current = current.Cell.GetChildByName(name);
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }
}
