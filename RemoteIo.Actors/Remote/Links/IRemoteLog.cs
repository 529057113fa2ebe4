namespace RemoteIo.Actors.Remote.Links;

/// <summary>Where the link layer logs (the actor system's logging in production, a list in tests).</summary>
internal interface IRemoteLog
{
    /// <summary>Whether messages of <paramref name="level"/> are written (so callers can skip formatting).</summary>
    /// <param name="level">The level.</param>
    /// <returns>True when enabled.</returns>
    bool IsEnabled(RemoteLogLevel level);

    /// <summary>Writes a message.</summary>
    /// <param name="level">The level.</param>
    /// <param name="message">The text.</param>
    /// <param name="exception">The cause, if any.</param>
    void Log(RemoteLogLevel level, string message, Exception? exception = null);
}
