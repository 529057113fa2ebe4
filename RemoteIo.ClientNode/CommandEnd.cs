namespace RemoteIo.ClientNode;

/// <summary>How an accepted command ended.</summary>
public enum CommandEnd
{
    /// <summary>It ran to its end (a command without duration: it was applied).</summary>
    Completed = 0,

    /// <summary>It was running and was cut short (nowait replace, max on-time, shutdown cut, fault).</summary>
    Interrupted = 1,

    /// <summary>It was queued and never started: a later command replaced it (nowait).</summary>
    Superseded = 2,
}
