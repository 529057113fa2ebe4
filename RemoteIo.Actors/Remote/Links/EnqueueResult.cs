namespace RemoteIo.Actors.Remote.Links;

/// <summary>What became of a send.</summary>
internal enum EnqueueResult
{
    /// <summary>Queued; it will be written in order unless the link breaks first (at-most-once).</summary>
    Enqueued,

    /// <summary>The queue stayed full (at once, or for the whole wait).</summary>
    Full,

    /// <summary>The association has terminated.</summary>
    Closed,
}
