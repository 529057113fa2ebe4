using System.Collections.Concurrent;

namespace RemoteIo.Actors.Remote.Transports;

/// <summary>
/// An in-process network for tests: listeners by name, and every connection between them as an
/// <see cref="InMemoryLink"/> whose directions can drop, delay (on this network's
/// <see cref="TimeProvider"/>, so virtual time works) and cut frames.
/// </summary>
public sealed class InMemoryNetwork
{
    /// <summary>Listeners by name.</summary>
    private readonly ConcurrentDictionary<string, InMemoryTransportListener> _listeners = new(StringComparer.Ordinal);

    /// <summary>Open links (removed when both directions ended).</summary>
    private readonly ConcurrentDictionary<InMemoryLink, byte> _links = new();

    /// <summary>Creates a network.</summary>
    /// <param name="timeProvider">The clock that times delays; the system clock when null.</param>
    public InMemoryNetwork(TimeProvider? timeProvider = null)
    {
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Raised for each new connection, before the connecting side gets it (so a test can arm faults first).</summary>
    public event Action<InMemoryLink>? LinkOpened;

    /// <summary>The clock that times <see cref="InMemoryFlow.Delay"/>.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The links currently open.</summary>
    public IReadOnlyCollection<InMemoryLink> Links => [.. _links.Keys];

    /// <summary>Registers a listener under its name.</summary>
    /// <param name="listener">The listener.</param>
    /// <returns>False when the name is taken.</returns>
    internal bool TryAdd(InMemoryTransportListener listener) => _listeners.TryAdd(listener.Name, listener);

    /// <summary>Removes a listener.</summary>
    /// <param name="listener">The listener.</param>
    internal void Remove(InMemoryTransportListener listener) => _listeners.TryRemove(new KeyValuePair<string, InMemoryTransportListener>(listener.Name, listener));

    /// <summary>Finds a listener by name.</summary>
    /// <param name="name">The name.</param>
    /// <param name="listener">The listener.</param>
    /// <returns>True when one listens under that name.</returns>
    internal bool TryGet(string name, out InMemoryTransportListener listener) => _listeners.TryGetValue(name, out listener!);

    /// <summary>Records a new link and tells subscribers.</summary>
    /// <param name="link">The link.</param>
    internal void Opened(InMemoryLink link)
    {
        _links[link] = 0;
        LinkOpened?.Invoke(link);
    }

    /// <summary>Forgets a link whose directions both ended.</summary>
    /// <param name="link">The link.</param>
    internal void Closed(InMemoryLink link) => _links.TryRemove(link, out _);
}
