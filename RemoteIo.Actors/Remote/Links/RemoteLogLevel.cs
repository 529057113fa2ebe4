namespace RemoteIo.Actors.Remote.Links;

/// <summary>Log levels of the link layer.</summary>
internal enum RemoteLogLevel
{
    /// <summary>Per-connection detail.</summary>
    Debug,

    /// <summary>Listening, associations made and ended.</summary>
    Info,

    /// <summary>A link closed for a bad reason, a peer misbehaved, a message could not be delivered.</summary>
    Warning,

    /// <summary>Something this node cannot recover from by itself.</summary>
    Error,
}
