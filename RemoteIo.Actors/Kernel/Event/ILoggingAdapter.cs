namespace RemoteIo.Actors.Kernel.Event;

/// <summary>
/// Logs through the <see cref="EventStream"/> (<c>Context.GetLogger()</c>, <see cref="ActorSystem.Log"/>).
/// Entries below the system's configured level are dropped before any formatting; use the
/// <see cref="LoggingAdapterExtensions"/> (<c>Debug</c>, <c>Info</c>, <c>Warning</c>, <c>Error</c>).
/// </summary>
public interface ILoggingAdapter
{
    /// <summary>True when entries at <paramref name="level"/> are published.</summary>
    /// <param name="level">The level to test.</param>
    /// <returns>Whether logging at that level has any effect.</returns>
    bool IsEnabled(LogLevel level);

    /// <summary>Formats and publishes one entry, if its level is enabled.</summary>
    /// <param name="level">The level.</param>
    /// <param name="cause">The exception to report, if any.</param>
    /// <param name="format">A composite format string (<c>{0}</c> placeholders), used as is when there are no arguments.</param>
    /// <param name="args">The format arguments.</param>
    void Log(LogLevel level, Exception? cause, string format, params ReadOnlySpan<object?> args);
}
