namespace RemoteIo.Actors.Kernel;

/// <summary>
/// An actor with one <see cref="OnReceive"/> method that sees every message; call
/// <see cref="ActorBase.Unhandled"/> for the ones it does not want.
/// </summary>
public abstract class UntypedActor : ActorBase
{
    /// <summary>Handles one message.</summary>
    /// <param name="message">The message.</param>
    protected abstract void OnReceive(object message);

    /// <inheritdoc />
    protected sealed override bool Receive(object message)
    {
        OnReceive(message);
        return true;
    }

    /// <summary>Replaces the behaviour with <paramref name="receive"/>.</summary>
    /// <param name="receive">The new message handler.</param>
    protected void Become(Action<object> receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        Context.Become(m =>
        {
            receive(m);
            return true;
        });
    }
}
