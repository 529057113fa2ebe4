namespace RemoteIo.Actors.Kernel.Dispatch;

/// <summary>
/// A message of the kernel's own protocol between actors (create, stop, supervise, watch, ...).
/// System messages travel in a separate queue, overtake user messages, and are processed even
/// while an actor is suspended. Only <see cref="Watch"/>, <see cref="Unwatch"/> and
/// <see cref="DeathWatchNotification"/> are public: extensions such as the remote layer send and
/// receive them to take part in death watch.
/// </summary>
public abstract record SystemMessage
{
    /// <summary>Only the kernel defines system messages.</summary>
    private protected SystemMessage()
    {
    }
}
