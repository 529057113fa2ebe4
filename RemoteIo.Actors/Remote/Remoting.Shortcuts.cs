using System.Collections.Concurrent;
using RemoteIo.Actors.Kernel;

namespace RemoteIo.Actors.Remote;

/// <summary>Inbound shortcuts: messages a local receiver takes on the link's read thread instead of through a mailbox.</summary>
public sealed partial class Remoting
{
    /// <summary>The shortcut handlers, by the path of the local actor they stand in front of.</summary>
    private readonly ConcurrentDictionary<ActorPath, Func<object, bool>> _shortcuts = new();

    /// <summary>
    /// Lets <paramref name="handler"/> take the messages that arrive from remote nodes for the local
    /// actor <paramref name="recipient"/> before they are queued in its mailbox: it runs on the
    /// link's read thread, in the link's arrival order, and returns true for a message it consumed
    /// (false: the message goes on to the actor as usual). This saves the wake-up of a mailbox
    /// thread per message (about 10 µs on an idle pool) for replies whose only work is to complete a
    /// waiting task — a client's command outcomes. The handler must be short, thread-safe and never
    /// block or run user code inline (complete tasks created with
    /// <see cref="TaskCreationOptions.RunContinuationsAsynchronously"/>), because a slow handler
    /// stalls every later frame of the link.
    /// </summary>
    /// <param name="recipient">A local actor.</param>
    /// <param name="handler">Takes a message (true) or passes it on (false); must not throw.</param>
    /// <returns>Removes the shortcut when disposed.</returns>
    /// <exception cref="InvalidOperationException">The actor already has a shortcut.</exception>
    public IDisposable AddInboundShortcut(IActorRef recipient, Func<object, bool> handler)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(handler);
        var path = recipient.Path.WithAddress(System.Address);
        if (!_shortcuts.TryAdd(path, handler))
        {
            throw new InvalidOperationException($"{recipient.Path} already has an inbound shortcut");
        }

        return new ShortcutRegistration(_shortcuts, path, handler);
    }

    /// <summary>Offers an inbound message to the recipient's shortcut; true when it took it.</summary>
    /// <param name="recipient">The local recipient's path.</param>
    /// <param name="message">The message.</param>
    /// <returns>True when consumed.</returns>
    internal bool TryShortcut(ActorPath recipient, object message) =>
        !_shortcuts.IsEmpty && _shortcuts.TryGetValue(recipient, out var handler) && handler(message);

    /// <summary>Removes one shortcut (only the one it added) when disposed.</summary>
    /// <param name="shortcuts">The table.</param>
    /// <param name="path">The recipient's path.</param>
    /// <param name="handler">The handler it added.</param>
    private sealed class ShortcutRegistration(ConcurrentDictionary<ActorPath, Func<object, bool>> shortcuts, ActorPath path, Func<object, bool> handler) : IDisposable
    {
        /// <inheritdoc />
        public void Dispose() => shortcuts.TryRemove(new KeyValuePair<ActorPath, Func<object, bool>>(path, handler));
    }
}
