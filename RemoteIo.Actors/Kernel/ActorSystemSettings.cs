using System.Collections.Immutable;
using RemoteIo.Actors.Kernel.Dispatch;
using RemoteIo.Actors.Kernel.Event;

namespace RemoteIo.Actors.Kernel;

/// <summary>
/// The kernel's settings (HOCON <c>remoteio.actor</c> and the dispatcher sections), immutable;
/// the <c>With</c> methods return changed copies.
/// </summary>
public sealed record ActorSystemSettings
{
    /// <summary>The defaults of <c>reference.conf</c>.</summary>
    public static ActorSystemSettings Default { get; } = new();

    /// <summary>The lowest level published on the event stream.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Info;

    /// <summary>The lowest level the built-in logger writes to standard output (<see cref="LogLevel.Off"/>: none).</summary>
    public LogLevel StdoutLogLevel { get; init; } = LogLevel.Warning;

    /// <summary>How many dead letters are logged (at Info) before the logger falls silent; 0 logs none.</summary>
    public int LogDeadLetters { get; init; } = 10;

    /// <summary>Whether dead letters are logged while the system terminates (they are expected then).</summary>
    public bool LogDeadLettersDuringShutdown { get; init; }

    /// <summary>
    /// Whether the system counts pending messages so <see cref="ActorSystem.AwaitIdle"/> works (the
    /// TestKit turns it on for virtual-time tests; off, the message path does no counting).
    /// </summary>
    public bool TrackQuiescence { get; init; }

    /// <summary>Dispatchers by id (the default one and any others configured).</summary>
    public ImmutableDictionary<string, DispatcherSettings> Dispatchers { get; init; } = ImmutableDictionary.CreateRange(
        StringComparer.Ordinal,
        [
            KeyValuePair.Create(Dispatch.Dispatchers.DefaultDispatcherId, new DispatcherSettings(Dispatch.Dispatchers.DefaultDispatcherId)),
            KeyValuePair.Create("remoteio.timing-dispatcher", new DispatcherSettings("remoteio.timing-dispatcher")
            {
                Type = DispatcherType.ForkJoinDispatcher,
                Throughput = 100,
                ThreadCount = 2,
                ThreadPriority = ThreadPriority.Highest,
            }),
        ]);

    /// <summary>How the coordinated shutdown runs.</summary>
    public CoordinatedShutdownSettings CoordinatedShutdown { get; init; } = CoordinatedShutdownSettings.Default;

    /// <summary>Returns a copy with another event-stream log level.</summary>
    /// <param name="level">The lowest level published.</param>
    /// <returns>The new settings.</returns>
    public ActorSystemSettings WithLogLevel(LogLevel level) => this with { LogLevel = level };

    /// <summary>Returns a copy with another standard-output log level.</summary>
    /// <param name="level">The lowest level written (<see cref="LogLevel.Off"/>: none).</param>
    /// <returns>The new settings.</returns>
    public ActorSystemSettings WithStdoutLogLevel(LogLevel level) => this with { StdoutLogLevel = level };

    /// <summary>Returns a copy that logs at most <paramref name="count"/> dead letters.</summary>
    /// <param name="count">0 or more.</param>
    /// <returns>The new settings.</returns>
    public ActorSystemSettings WithLogDeadLetters(int count) => this with { LogDeadLetters = Math.Max(0, count) };

    /// <summary>Returns a copy with quiescence tracking on or off.</summary>
    /// <param name="enabled">Whether to track pending messages.</param>
    /// <returns>The new settings.</returns>
    public ActorSystemSettings WithQuiescenceTracking(bool enabled) => this with { TrackQuiescence = enabled };

    /// <summary>Returns a copy with a dispatcher added or replaced (under its id).</summary>
    /// <param name="dispatcher">The dispatcher's settings.</param>
    /// <returns>The new settings.</returns>
    public ActorSystemSettings WithDispatcher(DispatcherSettings dispatcher)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        return this with { Dispatchers = Dispatchers.SetItem(dispatcher.Id, dispatcher) };
    }

    /// <summary>Returns a copy with other coordinated-shutdown settings.</summary>
    /// <param name="settings">The settings.</param>
    /// <returns>The new settings.</returns>
    public ActorSystemSettings WithCoordinatedShutdown(CoordinatedShutdownSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return this with { CoordinatedShutdown = settings };
    }
}
