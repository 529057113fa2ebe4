using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using RemoteIo.Actors.Kernel.Event;
using KernelLogLevel = RemoteIo.Actors.Kernel.Event.LogLevel;
using MsLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace RemoteIo.Actors.Hosting;

/// <summary>
/// Writes the kernel's <see cref="LogEvent"/>s through <c>Microsoft.Extensions.Logging</c>, so
/// actor logs land in the host's structured log with everything else. The category is the
/// logging class's full name (filterable like any .NET category); the actor path is the
/// <c>{ActorPath}</c> property of every entry.
/// </summary>
internal sealed class LoggerFactoryBridge : IDisposable
{
    /// <summary>Creates the loggers.</summary>
    private readonly ILoggerFactory _factory;

    /// <summary>One logger per logging class (the kernel logs from a handful of classes).</summary>
    private readonly ConcurrentDictionary<Type, ILogger> _loggers = new();

    /// <summary>The event-stream subscription.</summary>
    private readonly IDisposable _subscription;

    /// <summary>Subscribes to <paramref name="stream"/>.</summary>
    /// <param name="stream">The actor system's event stream.</param>
    /// <param name="factory">The host's logger factory.</param>
    public LoggerFactoryBridge(EventStream stream, ILoggerFactory factory)
    {
        _factory = factory;
        _subscription = stream.Subscribe<LogEvent>(Write);
    }

    /// <summary>Maps a kernel level to the .NET one.</summary>
    /// <param name="level">The kernel level.</param>
    /// <returns>The .NET level.</returns>
    public static MsLogLevel Map(KernelLogLevel level) => level switch
    {
        KernelLogLevel.Debug => MsLogLevel.Debug,
        KernelLogLevel.Info => MsLogLevel.Information,
        KernelLogLevel.Warning => MsLogLevel.Warning,
        KernelLogLevel.Error => MsLogLevel.Error,
        _ => MsLogLevel.None,
    };

    /// <inheritdoc />
    public void Dispose() => _subscription.Dispose();

    /// <summary>Writes one event.</summary>
    private void Write(LogEvent entry)
    {
        var level = Map(entry.Level);
        var logger = _loggers.GetOrAdd(entry.LogClass, static (type, factory) => factory.CreateLogger(type.FullName ?? type.Name), _factory);
        if (logger.IsEnabled(level))
        {
#pragma warning disable CA2254 // the template is constant; the kernel formats its own message
            logger.Log(level, entry.Cause, "[{ActorPath}] {Message}", entry.LogSource, entry.Message);
#pragma warning restore CA2254
        }
    }
}
