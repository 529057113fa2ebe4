namespace RemoteIo.Actors.Kernel.Event;

/// <summary>A log entry at level <see cref="LogLevel.Warning"/>: something unexpected the system recovered from.</summary>
/// <inheritdoc cref="LogEvent" path="/param"/>
public sealed record Warning(string LogSource, Type LogClass, string Message, Exception? Cause = null)
    : LogEvent(LogLevel.Warning, LogSource, LogClass, Message, Cause);
