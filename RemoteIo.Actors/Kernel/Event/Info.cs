namespace RemoteIo.Actors.Kernel.Event;

/// <summary>A log entry at level <see cref="LogLevel.Info"/>: normal operation worth recording.</summary>
/// <inheritdoc cref="LogEvent" path="/param"/>
public sealed record Info(string LogSource, Type LogClass, string Message, Exception? Cause = null)
    : LogEvent(LogLevel.Info, LogSource, LogClass, Message, Cause);
