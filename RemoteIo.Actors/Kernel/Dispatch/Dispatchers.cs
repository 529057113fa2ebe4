using System.Collections.Concurrent;

namespace RemoteIo.Actors.Kernel.Dispatch;

/// <summary>
/// The actor system's dispatchers, looked up by id (their configuration path) and created on
/// first use: <see cref="DefaultDispatcherId"/> runs on the .NET thread pool, others as
/// configured (e.g. <c>remoteio.timing-dispatcher</c> on dedicated threads).
/// </summary>
public sealed class Dispatchers
{
    /// <summary>The id of the default dispatcher.</summary>
    public const string DefaultDispatcherId = "remoteio.actor.default-dispatcher";

    /// <summary>Dispatchers created so far (read without locking).</summary>
    private readonly ConcurrentDictionary<string, MessageDispatcher> _dispatchers = new(StringComparer.Ordinal);

    /// <summary>Serialises creation, so a dispatcher's threads are started once.</summary>
    private readonly Lock _gate = new();

    /// <summary>Finds the settings for an id (programmatic settings first, then configuration); null when unknown.</summary>
    private readonly Func<string, DispatcherSettings?> _resolve;

    /// <summary>The actor system's name, for thread names.</summary>
    private readonly string _systemName;

    /// <summary>Set at termination: no new dispatcher is created.</summary>
    private bool _shutDown;

    /// <summary>Creates the registry.</summary>
    /// <param name="systemName">The actor system's name.</param>
    /// <param name="resolve">Finds the settings for an id.</param>
    internal Dispatchers(string systemName, Func<string, DispatcherSettings?> resolve)
    {
        _systemName = systemName;
        _resolve = resolve;
    }

    /// <summary>The default (thread-pool) dispatcher.</summary>
    public MessageDispatcher DefaultDispatcher => Lookup(DefaultDispatcherId);

    /// <summary>True when <paramref name="id"/> is configured.</summary>
    /// <param name="id">A dispatcher id.</param>
    /// <returns>Whether <see cref="Lookup"/> would succeed.</returns>
    public bool HasDispatcher(string id) => _dispatchers.ContainsKey(id) || _resolve(id) is not null;

    /// <summary>Returns the dispatcher <paramref name="id"/>, creating it on first use.</summary>
    /// <param name="id">The dispatcher's id (configuration path).</param>
    /// <returns>The dispatcher.</returns>
    /// <exception cref="ArgumentException">No dispatcher is configured under that id.</exception>
    public MessageDispatcher Lookup(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_dispatchers.TryGetValue(id, out var dispatcher))
        {
            return dispatcher;
        }

        lock (_gate)
        {
            if (_dispatchers.TryGetValue(id, out dispatcher))
            {
                return dispatcher;
            }

            if (_shutDown)
            {
                throw new InvalidOperationException($"Dispatcher [{id}] cannot be created: the actor system {_systemName} has terminated.");
            }

            var settings = _resolve(id)
                ?? throw new ArgumentException($"Dispatcher [{id}] is not configured: add '{id} {{ type = Dispatcher }}' (or ForkJoinDispatcher) to the configuration.", nameof(id));
            dispatcher = settings.Type == DispatcherType.ForkJoinDispatcher
                ? new DedicatedThreadDispatcher(settings, _systemName)
                : new ThreadPoolDispatcher(settings);
            _dispatchers[id] = dispatcher;
            return dispatcher;
        }
    }

    /// <summary>Stops every dispatcher's dedicated threads (actor system termination).</summary>
    internal void Shutdown()
    {
        lock (_gate)
        {
            _shutDown = true;
        }

        foreach (var dispatcher in _dispatchers.Values)
        {
            dispatcher.Shutdown();
        }
    }
}
