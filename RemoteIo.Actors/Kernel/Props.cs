using RemoteIo.Actors.Kernel.Dispatch;

namespace RemoteIo.Actors.Kernel;

/// <summary>
/// How to create an actor: a factory (run on every start and every restart, so each incarnation
/// gets fresh state), the dispatcher to run it on and, optionally, the strategy it applies to its
/// children. Immutable: the <c>With</c> methods return changed copies.
/// </summary>
public sealed record Props
{
    /// <summary>Only the static factories create props.</summary>
    private Props(Type actorType, Func<ActorBase> factory)
    {
        ActorType = actorType;
        Factory = factory;
    }

    /// <summary>The type of actor the factory creates.</summary>
    public Type ActorType { get; }

    /// <summary>The id (configuration path) of the dispatcher that runs the actor.</summary>
    public string Dispatcher { get; init; } = Dispatchers.DefaultDispatcherId;

    /// <summary>The strategy the actor applies to its children; when null, the actor's own <c>SupervisorStrategy()</c>.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; init; }

    /// <summary>Creates a new actor instance; must return a new instance each time.</summary>
    internal Func<ActorBase> Factory { get; }

    /// <summary>Props whose factory is <paramref name="factory"/>, e.g. <c>Props.Create(() =&gt; new PinActor(pin))</c>.</summary>
    /// <typeparam name="T">The actor type.</typeparam>
    /// <param name="factory">Creates a new instance (runs on the actor's thread, on every start and restart).</param>
    /// <returns>The props.</returns>
    public static Props Create<T>(Func<T> factory)
        where T : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(typeof(T), factory);
    }

    /// <summary>Props that create <typeparamref name="T"/> with its parameterless constructor.</summary>
    /// <typeparam name="T">The actor type.</typeparam>
    /// <returns>The props.</returns>
    public static Props Create<T>()
        where T : ActorBase, new() => new(typeof(T), static () => new T());

    /// <summary>Returns a copy that runs the actor on another dispatcher.</summary>
    /// <param name="dispatcherId">A configured dispatcher id, e.g. <c>remoteio.timing-dispatcher</c>.</param>
    /// <returns>The new props.</returns>
    public Props WithDispatcher(string dispatcherId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dispatcherId);
        return this with { Dispatcher = dispatcherId };
    }

    /// <summary>Returns a copy whose actor supervises its children with <paramref name="strategy"/>.</summary>
    /// <param name="strategy">The strategy.</param>
    /// <returns>The new props.</returns>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return this with { SupervisorStrategy = strategy };
    }
}
