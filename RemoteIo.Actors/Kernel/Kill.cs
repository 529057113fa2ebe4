namespace RemoteIo.Actors.Kernel;

/// <summary>
/// Makes the receiving actor fail with an <see cref="ActorKilledException"/> when it gets to this
/// message; the default supervisor strategy then stops it.
/// </summary>
public sealed record Kill : IAutoReceivedMessage
{
    /// <summary>Only the singleton exists.</summary>
    private Kill()
    {
    }

    /// <summary>The kill message.</summary>
    public static Kill Instance { get; } = new();
}
