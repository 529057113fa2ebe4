namespace RemoteIo.Actors.Kernel.Event;

/// <summary>Akka's logging verbs over <see cref="ILoggingAdapter.Log"/>.</summary>
public static class LoggingAdapterExtensions
{
    /// <summary>Logs at <see cref="LogLevel.Debug"/>.</summary>
    /// <param name="log">The adapter.</param>
    /// <param name="format">Composite format string.</param>
    /// <param name="args">Format arguments.</param>
    public static void Debug(this ILoggingAdapter log, string format, params ReadOnlySpan<object?> args) => log.Log(LogLevel.Debug, null, format, args);

    /// <summary>Logs at <see cref="LogLevel.Info"/>.</summary>
    /// <param name="log">The adapter.</param>
    /// <param name="format">Composite format string.</param>
    /// <param name="args">Format arguments.</param>
    public static void Info(this ILoggingAdapter log, string format, params ReadOnlySpan<object?> args) => log.Log(LogLevel.Info, null, format, args);

    /// <summary>Logs at <see cref="LogLevel.Warning"/>.</summary>
    /// <param name="log">The adapter.</param>
    /// <param name="format">Composite format string.</param>
    /// <param name="args">Format arguments.</param>
    public static void Warning(this ILoggingAdapter log, string format, params ReadOnlySpan<object?> args) => log.Log(LogLevel.Warning, null, format, args);

    /// <summary>Logs at <see cref="LogLevel.Warning"/> with an exception.</summary>
    /// <param name="log">The adapter.</param>
    /// <param name="cause">The exception.</param>
    /// <param name="format">Composite format string.</param>
    /// <param name="args">Format arguments.</param>
    public static void Warning(this ILoggingAdapter log, Exception cause, string format, params ReadOnlySpan<object?> args) => log.Log(LogLevel.Warning, cause, format, args);

    /// <summary>Logs at <see cref="LogLevel.Error"/>.</summary>
    /// <param name="log">The adapter.</param>
    /// <param name="format">Composite format string.</param>
    /// <param name="args">Format arguments.</param>
    public static void Error(this ILoggingAdapter log, string format, params ReadOnlySpan<object?> args) => log.Log(LogLevel.Error, null, format, args);

    /// <summary>Logs at <see cref="LogLevel.Error"/> with an exception.</summary>
    /// <param name="log">The adapter.</param>
    /// <param name="cause">The exception.</param>
    /// <param name="format">Composite format string.</param>
    /// <param name="args">Format arguments.</param>
    public static void Error(this ILoggingAdapter log, Exception cause, string format, params ReadOnlySpan<object?> args) => log.Log(LogLevel.Error, cause, format, args);
}
