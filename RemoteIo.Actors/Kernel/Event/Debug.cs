namespace RemoteIo.Actors.Kernel.Event;

/// <summary>A log entry at level <see cref="LogLevel.Debug"/>: detail for developers.</summary>
/// <inheritdoc cref="LogEvent" path="/param"/>
public sealed record Debug(string LogSource, Type LogClass, string Message, Exception? Cause = null)
    : LogEvent(LogLevel.Debug, LogSource, LogClass, Message, Cause);
