namespace RemoteIo.Actors.Kernel;

/// <summary>
/// Stops the receiving actor once it gets to this message: the messages queued before it are
/// processed first, the ones after it go to the dead letters. It bypasses the actor's behaviour
/// (and its stash), so it is not the way to soft-close an actor that stashes work.
/// </summary>
public sealed record PoisonPill : IAutoReceivedMessage
{
    /// <summary>Only the singleton exists.</summary>
    private PoisonPill()
    {
    }

    /// <summary>The poison pill.</summary>
    public static PoisonPill Instance { get; } = new();
}
