using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Pins;

/// <summary>The supervisor's record of a session.</summary>
/// <param name="id">Its id ("s3").</param>
/// <param name="name">The client's name (may be empty).</param>
/// <param name="key">The link it belongs to.</param>
/// <param name="mode">Its mode.</param>
/// <param name="client">The reference that opened it.</param>
/// <param name="actor">Its session actor.</param>
internal sealed class SessionEntry(string id, string name, SessionKey key, Mode mode, IActorRef client, IActorRef actor)
{
    /// <summary>Its id.</summary>
    public string Id { get; } = id;

    /// <summary>The client's name.</summary>
    public string Name { get; } = name;

    /// <summary>The link it belongs to.</summary>
    public SessionKey Key { get; } = key;

    /// <summary>Its mode.</summary>
    public Mode Mode { get; } = mode;

    /// <summary>The reference that opened it.</summary>
    public IActorRef Client { get; } = client;

    /// <summary>Its session actor.</summary>
    public IActorRef Actor { get; } = actor;

    /// <summary>"session 'lab-2' (s3)", as messages name it.</summary>
    public string Owner => Name.Length > 0 ? $"session '{Name}' ({Id})" : $"session {Id} ({Key})";

    /// <summary>True once its soft close began.</summary>
    public bool Closing { get; set; }

    /// <summary>Pins it closed with a Close command: later commands for them are answered "pin closed".</summary>
    public HashSet<int> ClosedGpios { get; } = [];

    /// <summary>Pins it observes.</summary>
    public HashSet<int> Observed { get; } = [];
}
