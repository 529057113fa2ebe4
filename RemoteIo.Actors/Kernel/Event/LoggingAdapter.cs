using System.Globalization;

namespace RemoteIo.Actors.Kernel.Event;

/// <summary>Publishes log entries for one source on the event stream, filtered by the system's minimum level.</summary>
/// <param name="stream">Where entries are published.</param>
/// <param name="minimumLevel">Entries below it are dropped unformatted.</param>
/// <param name="time">The system clock, for timestamps.</param>
/// <param name="logSource">The actor path or system name shown as the source.</param>
/// <param name="logClass">The logging type.</param>
internal sealed class LoggingAdapter(EventStream stream, LogLevel minimumLevel, TimeProvider time, string logSource, Type logClass) : ILoggingAdapter
{
    /// <inheritdoc />
    public bool IsEnabled(LogLevel level) => level >= minimumLevel && level != LogLevel.Off;

    /// <inheritdoc />
    public void Log(LogLevel level, Exception? cause, string format, params ReadOnlySpan<object?> args)
    {
        if (!IsEnabled(level))
        {
            return;
        }

        var message = args.Length == 0 ? format : Format(format, args);
        LogEvent entry = level switch
        {
            LogLevel.Debug => new Debug(logSource, logClass, message, cause),
            LogLevel.Info => new Info(logSource, logClass, message, cause),
            LogLevel.Warning => new Warning(logSource, logClass, message, cause),
            _ => new Error(logSource, logClass, message, cause),
        };
        stream.Publish(entry with { Timestamp = time.GetUtcNow() });
    }

    /// <summary>Formats like <see cref="string.Format(IFormatProvider, string, object[])"/>; a bad format string is shown with its arguments rather than thrown.</summary>
    private static string Format(string format, ReadOnlySpan<object?> args)
    {
        try
        {
            return string.Format(CultureInfo.InvariantCulture, format, args);
        }
        catch (FormatException)
        {
            return format + " [" + string.Join(", ", args.ToArray()) + "]";
        }
    }
}
