using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Kernel.Event;
using RemoteIo.Actors.Remote.Links;

namespace RemoteIo.Actors.Remote;

/// <summary>The link layer's log, published on the actor system's event stream with source <c>remoteio.remote</c>.</summary>
/// <param name="system">The actor system.</param>
internal sealed class RemoteLogAdapter(ActorSystem system) : IRemoteLog
{
    /// <summary>The log source of every line.</summary>
    public const string Source = "remoteio.remote";

    /// <inheritdoc />
    public bool IsEnabled(RemoteLogLevel level)
    {
        var minimum = system.Settings.LogLevel;
        return minimum != LogLevel.Off && Map(level) >= minimum;
    }

    /// <inheritdoc />
    public void Log(RemoteLogLevel level, string message, Exception? exception = null)
    {
        if (!IsEnabled(level))
        {
            return;
        }

        LogEvent entry = level switch
        {
            RemoteLogLevel.Debug => new Debug(Source, typeof(Remoting), message, exception),
            RemoteLogLevel.Info => new Info(Source, typeof(Remoting), message, exception),
            RemoteLogLevel.Warning => new Warning(Source, typeof(Remoting), message, exception),
            _ => new Error(Source, typeof(Remoting), message, exception),
        };
        system.EventStream.Publish(entry with { Timestamp = system.TimeProvider.GetUtcNow() });
    }

    /// <summary>The kernel's level for a link-layer level.</summary>
    private static LogLevel Map(RemoteLogLevel level) => level switch
    {
        RemoteLogLevel.Debug => LogLevel.Debug,
        RemoteLogLevel.Info => LogLevel.Info,
        RemoteLogLevel.Warning => LogLevel.Warning,
        _ => LogLevel.Error,
    };
}
