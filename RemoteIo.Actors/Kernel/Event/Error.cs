namespace RemoteIo.Actors.Kernel.Event;

/// <summary>A log entry at level <see cref="LogLevel.Error"/>: a failure, usually with its exception.</summary>
/// <inheritdoc cref="LogEvent" path="/param"/>
public sealed record Error(string LogSource, Type LogClass, string Message, Exception? Cause = null)
    : LogEvent(LogLevel.Error, LogSource, LogClass, Message, Cause);
