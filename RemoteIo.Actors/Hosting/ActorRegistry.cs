using RemoteIo.Actors.Kernel;

namespace RemoteIo.Actors.Hosting;

/// <summary>
/// The actors a host publishes to its services, keyed by a type (Akka.Hosting's
/// <c>ActorRegistry</c>): a start-up step registers <c>registry.Register&lt;PinsKey&gt;(pins)</c>,
/// and a service that needs the actor takes an <see cref="IRequiredActor{TKey}"/> of that key.
/// </summary>
/// <remarks>
/// Keys are types so that a misspelt key is a compile error, not a missing entry at run time. A
/// key is registered once (a second registration is refused unless it asks to overwrite, so two
/// start-up steps cannot silently replace each other's actors). Thread-safe; one per actor
/// system, a singleton in the host's services.
/// </remarks>
public sealed class ActorRegistry
{
    /// <summary>Guards <see cref="_actors"/> and <see cref="_waiters"/>.</summary>
    private readonly Lock _gate = new();

    /// <summary>The registered actors by key.</summary>
    private readonly Dictionary<Type, IActorRef> _actors = [];

    /// <summary>Callers of <see cref="GetAsync(Type, CancellationToken)"/> waiting for a key that is not registered yet.</summary>
    private readonly Dictionary<Type, TaskCompletionSource<IActorRef>> _waiters = [];

    /// <summary>How many actors are registered.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _actors.Count;
            }
        }
    }

    /// <summary>The registered keys with their actors (a snapshot).</summary>
    public IReadOnlyDictionary<Type, IActorRef> Snapshot
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<Type, IActorRef>(_actors);
            }
        }
    }

    /// <summary>Registers <paramref name="actor"/> under <typeparamref name="TKey"/>.</summary>
    /// <typeparam name="TKey">The key (usually the actor's class or a marker type).</typeparam>
    /// <param name="actor">The actor.</param>
    /// <param name="overwrite">Replace an existing entry instead of refusing.</param>
    /// <exception cref="DuplicateActorRegistryException">The key is taken and <paramref name="overwrite"/> is false.</exception>
    public void Register<TKey>(IActorRef actor, bool overwrite = false) => Register(typeof(TKey), actor, overwrite);

    /// <summary>Registers <paramref name="actor"/> under <paramref name="key"/>.</summary>
    /// <param name="key">The key type.</param>
    /// <param name="actor">The actor.</param>
    /// <param name="overwrite">Replace an existing entry instead of refusing.</param>
    /// <exception cref="DuplicateActorRegistryException">The key is taken and <paramref name="overwrite"/> is false.</exception>
    public void Register(Type key, IActorRef actor, bool overwrite = false)
    {
        if (!TryRegister(key, actor, overwrite))
        {
            IActorRef existing;
            lock (_gate)
            {
                existing = _actors[key];
            }

            throw new DuplicateActorRegistryException(key, existing, actor);
        }
    }

    /// <summary>Registers <paramref name="actor"/> under <typeparamref name="TKey"/> unless the key is taken.</summary>
    /// <typeparam name="TKey">The key.</typeparam>
    /// <param name="actor">The actor.</param>
    /// <param name="overwrite">Replace an existing entry.</param>
    /// <returns>True when registered.</returns>
    public bool TryRegister<TKey>(IActorRef actor, bool overwrite = false) => TryRegister(typeof(TKey), actor, overwrite);

    /// <summary>Registers <paramref name="actor"/> under <paramref name="key"/> unless the key is taken.</summary>
    /// <param name="key">The key type.</param>
    /// <param name="actor">The actor.</param>
    /// <param name="overwrite">Replace an existing entry.</param>
    /// <returns>True when registered.</returns>
    public bool TryRegister(Type key, IActorRef actor, bool overwrite = false)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(actor);
        TaskCompletionSource<IActorRef>? waiter;
        lock (_gate)
        {
            if (!overwrite && _actors.ContainsKey(key))
            {
                return false;
            }

            _actors[key] = actor;
            if (_waiters.Remove(key, out waiter) is false)
            {
                waiter = null;
            }
        }

        waiter?.TrySetResult(actor);
        return true;
    }

    /// <summary>Returns the actor registered under <typeparamref name="TKey"/>.</summary>
    /// <typeparam name="TKey">The key.</typeparam>
    /// <returns>The actor.</returns>
    /// <exception cref="MissingActorRegistryEntryException">Nothing is registered under the key.</exception>
    public IActorRef Get<TKey>() => Get(typeof(TKey));

    /// <summary>Returns the actor registered under <paramref name="key"/>.</summary>
    /// <param name="key">The key type.</param>
    /// <returns>The actor.</returns>
    /// <exception cref="MissingActorRegistryEntryException">Nothing is registered under the key.</exception>
    public IActorRef Get(Type key) =>
        TryGet(key, out var actor) ? actor : throw new MissingActorRegistryEntryException(key, Keys());

    /// <summary>Looks up the actor registered under <typeparamref name="TKey"/>.</summary>
    /// <typeparam name="TKey">The key.</typeparam>
    /// <param name="actor">The actor, when registered.</param>
    /// <returns>True when registered.</returns>
    public bool TryGet<TKey>(out IActorRef actor) => TryGet(typeof(TKey), out actor);

    /// <summary>Looks up the actor registered under <paramref name="key"/>.</summary>
    /// <param name="key">The key type.</param>
    /// <param name="actor">The actor, when registered.</param>
    /// <returns>True when registered.</returns>
    public bool TryGet(Type key, out IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            if (_actors.TryGetValue(key, out var found))
            {
                actor = found;
                return true;
            }
        }

        actor = ActorRefs.Nobody;
        return false;
    }

    /// <summary>
    /// Returns the actor registered under <typeparamref name="TKey"/>, waiting until a start-up
    /// step registers it (for services that start before the actors do).
    /// </summary>
    /// <typeparam name="TKey">The key.</typeparam>
    /// <param name="cancellationToken">Ends the wait (the task is cancelled).</param>
    /// <returns>The actor.</returns>
    public Task<IActorRef> GetAsync<TKey>(CancellationToken cancellationToken = default) => GetAsync(typeof(TKey), cancellationToken);

    /// <summary>Returns the actor registered under <paramref name="key"/>, waiting until it is registered.</summary>
    /// <param name="key">The key type.</param>
    /// <param name="cancellationToken">Ends the wait (the task is cancelled).</param>
    /// <returns>The actor.</returns>
    public Task<IActorRef> GetAsync(Type key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        Task<IActorRef> task;
        lock (_gate)
        {
            if (_actors.TryGetValue(key, out var found))
            {
                return Task.FromResult(found);
            }

            if (!_waiters.TryGetValue(key, out var waiter))
            {
                waiter = new TaskCompletionSource<IActorRef>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add(key, waiter);
            }

            task = waiter.Task;
        }

        return cancellationToken.CanBeCanceled ? task.WaitAsync(cancellationToken) : task;
    }

    /// <summary>The registered keys' names, for error messages.</summary>
    private string[] Keys()
    {
        lock (_gate)
        {
            return [.. _actors.Keys.Select(k => k.Name).Order(StringComparer.Ordinal)];
        }
    }
}
