namespace RemoteIo.Actors.Kernel.Event;

/// <summary>How important a <see cref="LogEvent"/> is; a minimum level filters what is published.</summary>
public enum LogLevel
{
    /// <summary>Detail for developers (lifecycle, unhandled messages).</summary>
    Debug = 0,

    /// <summary>Normal operation worth recording (start, stop, dead letters).</summary>
    Info = 1,

    /// <summary>Something unexpected the system recovered from.</summary>
    Warning = 2,

    /// <summary>A failure (an actor crashed, a task failed).</summary>
    Error = 3,

    /// <summary>As a minimum level: publish nothing.</summary>
    Off = 4,
}
