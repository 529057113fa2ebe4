namespace RemoteIo.Actors.Kernel;

/// <summary>
/// Sent to an actor that has set a receive timeout (<c>Context.SetReceiveTimeout</c>) when no
/// user message arrived for that long.
/// </summary>
public sealed record ReceiveTimeout
{
    /// <summary>Only the singleton exists.</summary>
    private ReceiveTimeout()
    {
    }

    /// <summary>The receive-timeout message.</summary>
    public static ReceiveTimeout Instance { get; } = new();
}
