using RemoteIo.Actors.Kernel;

namespace RemoteIo.Actors.Pins;

/// <summary>The default <see cref="ISessionKeyResolver"/>: remote senders by address, local senders by reference.</summary>
public sealed class SessionKeyResolver : ISessionKeyResolver
{
    /// <summary>Only <see cref="Default"/> exists.</summary>
    private SessionKeyResolver()
    {
    }

    /// <summary>The resolver.</summary>
    public static SessionKeyResolver Default { get; } = new();

    /// <inheritdoc />
    public SessionKey Resolve(IActorRef sender)
    {
        ArgumentNullException.ThrowIfNull(sender);
        return sender is IInternalActorRef { IsLocal: false }
            ? SessionKey.ForAddress(sender.Path.Address)
            : SessionKey.ForActor(sender);
    }
}
