using RemoteIo.Actors.Configuration;
using RemoteIo.Actors.Kernel.Dispatch;
using RemoteIo.Actors.Kernel.Event;

namespace RemoteIo.Actors.Kernel;

/// <summary>
/// The kernel's settings, read from HOCON (<c>remoteio.actor</c> and the dispatcher sections,
/// see <c>hocon/reference.conf</c>) by <see cref="FromConfig"/>; immutable, the <c>With</c>
/// methods return changed copies. <see cref="Config"/> keeps the whole configuration, so other
/// layers read their own sections from <c>system.Settings.Config</c>.
/// </summary>
public sealed record ActorSystemSettings
{
    /// <summary>The shared empty <see cref="Dispatchers"/> (one instance, so default settings compare equal as records; declared first, because static initializers run in order and Default below needs it).</summary>
    private static IReadOnlyDictionary<string, DispatcherSettings> NoDispatchers { get; } = new Dictionary<string, DispatcherSettings>(StringComparer.Ordinal);

    /// <summary>The accepted log level names.</summary>
    private static readonly (string, LogLevel)[] LevelNames =
    [
        ("debug", LogLevel.Debug),
        ("info", LogLevel.Info),
        ("warning", LogLevel.Warning),
        ("error", LogLevel.Error),
        ("off", LogLevel.Off),
    ];

    /// <summary>The settings of <c>reference.conf</c>.</summary>
    public static ActorSystemSettings Default { get; } = FromConfig(ConfigurationFactory.Empty);

    /// <summary>The whole configuration (with <c>reference.conf</c> beneath it); dispatcher sections are looked up here by id.</summary>
    public Config Config { get; init; } = ConfigurationFactory.Reference();

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

    /// <summary>Dispatchers defined in code, by id; they take precedence over sections of <see cref="Config"/>.</summary>
    public IReadOnlyDictionary<string, DispatcherSettings> Dispatchers { get; init; } = NoDispatchers;

    /// <summary>How the coordinated shutdown runs.</summary>
    public CoordinatedShutdownSettings CoordinatedShutdown { get; init; } = CoordinatedShutdownSettings.Default;

    /// <summary>
    /// Reads the kernel settings from <paramref name="config"/>, with <c>reference.conf</c>
    /// beneath it for everything it does not set.
    /// </summary>
    /// <param name="config">The configuration (e.g. host.conf loaded with <c>ConfigurationFactory.Load</c>).</param>
    /// <returns>The settings.</returns>
    /// <exception cref="ConfigurationException">A setting is invalid; the message names its path, value and origin.</exception>
    public static ActorSystemSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var full = config.WithFallback(ConfigurationFactory.Reference());
        var actor = full.GetConfig("remoteio.actor");
        return new ActorSystemSettings
        {
            Config = full,
            LogLevel = ConfigNames.Read(actor, "loglevel", "remoteio.actor.loglevel", LevelNames, LogLevel.Info),
            StdoutLogLevel = ConfigNames.Read(actor, "stdout-loglevel", "remoteio.actor.stdout-loglevel", LevelNames, LogLevel.Warning),
            LogDeadLetters = ConfigNames.ReadAtLeast(actor, "log-dead-letters", "remoteio.actor.log-dead-letters", 0, 10),
            LogDeadLettersDuringShutdown = actor.GetBoolean("log-dead-letters-during-shutdown", false),
            TrackQuiescence = actor.GetBoolean("track-quiescence", false),
            CoordinatedShutdown = CoordinatedShutdownSettings.FromConfig(actor.GetConfig("coordinated-shutdown")),
        };
    }

    /// <summary>The settings of the dispatcher <paramref name="id"/>: defined in code, else the configuration section at that path.</summary>
    /// <param name="id">The dispatcher id (a configuration path).</param>
    /// <returns>The settings, or null when no such dispatcher is defined.</returns>
    /// <exception cref="ConfigurationException">The section exists but is invalid.</exception>
    public DispatcherSettings? FindDispatcher(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (Dispatchers.TryGetValue(id, out var settings))
        {
            return settings;
        }

        return Config.GetValue(id) is ConfigObject ? DispatcherSettings.FromConfig(id, Config.GetConfig(id)) : null;
    }

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
        // A copy, not a change: settings are values, and copies made before this one keep their dispatchers.
        return this with { Dispatchers = new Dictionary<string, DispatcherSettings>(Dispatchers, StringComparer.Ordinal) { [dispatcher.Id] = dispatcher } };
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
