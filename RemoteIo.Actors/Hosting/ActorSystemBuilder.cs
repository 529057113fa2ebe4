using System.Net;
using RemoteIo.Actors.Configuration;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Protocol;
using RemoteIo.Actors.Remote;

namespace RemoteIo.Actors.Hosting;

/// <summary>
/// Describes the actor system a host runs (Akka.Hosting's <c>AkkaConfigurationBuilder</c>): its
/// configuration layers, clock, logging, remoting and the start-up and shutdown steps. Used inside
/// <see cref="ActorSystemServiceCollectionExtensions.AddActorSystem(Microsoft.Extensions.DependencyInjection.IServiceCollection, string, Action{ActorSystemBuilder})"/>;
/// every method returns the builder so calls chain.
/// </summary>
/// <remarks>
/// Start-up steps (<see cref="WithActors(ActorStarter)"/>, <see cref="WithStartup"/>) run in the
/// order they were added, each after the previous one finished, when the host starts; shutdown
/// tasks join the system's <see cref="CoordinatedShutdown"/>, which runs when the host stops.
/// </remarks>
public sealed class ActorSystemBuilder
{
    /// <summary>The configuration layers in the order added (later wins).</summary>
    private readonly List<Config> _layers = [];

    /// <summary>Adjustments applied to the settings read from the configuration, in order.</summary>
    private readonly List<Func<ActorSystemSettings, ActorSystemSettings>> _settings = [];

    /// <summary>The start-up steps in order.</summary>
    private readonly List<StartupStep> _steps = [];

    /// <summary>The shutdown tasks to add to the coordinated shutdown.</summary>
    private readonly List<ShutdownStep> _shutdown = [];

    /// <summary>Creates a builder for the system <paramref name="systemName"/>.</summary>
    /// <param name="systemName">The actor system's name.</param>
    internal ActorSystemBuilder(string systemName)
    {
        SystemName = systemName;
    }

    /// <summary>The actor system's name (part of every actor path and of its remote address).</summary>
    public string SystemName { get; }

    /// <summary>The clock of every timer in the system; null for the real clock.</summary>
    public TimeProvider? TimeProvider { get; private set; }

    /// <summary>Whether the kernel's log events go to the host's <c>ILogger</c>s (default: yes).</summary>
    public bool BridgesLogging { get; private set; } = true;

    /// <summary>How remoting starts, when enabled with <see cref="WithRemoting"/>.</summary>
    internal RemotingSetup? Remoting { get; private set; }

    /// <summary>The start-up steps, in order.</summary>
    internal IReadOnlyList<StartupStep> Steps => _steps;

    /// <summary>The shutdown tasks.</summary>
    internal IReadOnlyList<ShutdownStep> ShutdownSteps => _shutdown;

    /// <summary>
    /// Adds a configuration layer over the earlier ones (and over <c>reference.conf</c>): its
    /// settings win over theirs, objects merge key by key.
    /// </summary>
    /// <param name="config">The configuration, e.g. <c>ConfigurationFactory.Load("hocon/host.conf", overrides)</c>.</param>
    /// <returns>This builder.</returns>
    public ActorSystemBuilder WithConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _layers.Add(config);
        return this;
    }

    /// <summary>Adds a layer of HOCON text over the earlier ones (parsed now, so a mistake fails at registration).</summary>
    /// <param name="hocon">HOCON text, e.g. <c>remoteio.actor.loglevel = DEBUG</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ConfigurationException">The text is not valid HOCON.</exception>
    public ActorSystemBuilder WithHocon(string hocon) => WithConfig(ConfigurationFactory.ParseString(hocon));

    /// <summary>Changes the kernel settings after they are read from the configuration (e.g. quiescence tracking for a simulation).</summary>
    /// <param name="adjust">Returns the changed settings (use their <c>With</c> methods).</param>
    /// <returns>This builder.</returns>
    public ActorSystemBuilder WithSettings(Func<ActorSystemSettings, ActorSystemSettings> adjust)
    {
        ArgumentNullException.ThrowIfNull(adjust);
        _settings.Add(adjust);
        return this;
    }

    /// <summary>Runs the system on <paramref name="timeProvider"/> instead of the real clock (a virtual clock in simulations and tests).</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>This builder.</returns>
    public ActorSystemBuilder WithTimeProvider(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        TimeProvider = timeProvider;
        return this;
    }

    /// <summary>
    /// Chooses whether the kernel's log events are written through the host's
    /// <c>ILoggerFactory</c> (category: the logging class; the actor path is a structured
    /// property). On by default; while on, the kernel's own standard-output logger is switched off
    /// so nothing is logged twice.
    /// </summary>
    /// <param name="enabled">Whether to bridge.</param>
    /// <returns>This builder.</returns>
    public ActorSystemBuilder WithLoggingBridge(bool enabled)
    {
        BridgesLogging = enabled;
        return this;
    }

    /// <summary>Adds a start-up step that creates actors (and registers them in the <see cref="ActorRegistry"/>).</summary>
    /// <param name="starter">The step.</param>
    /// <returns>This builder.</returns>
    public ActorSystemBuilder WithActors(ActorStarter starter)
    {
        ArgumentNullException.ThrowIfNull(starter);
        return WithStartup($"actors #{_steps.Count + 1}", (system, registry, services, _) =>
        {
            starter(system, registry, services);
            return Task.CompletedTask;
        });
    }

    /// <summary>Adds a start-up step that creates actors without needing the host's services.</summary>
    /// <param name="starter">The step: <c>(system, registry) =&gt; ...</c>.</param>
    /// <returns>This builder.</returns>
    public ActorSystemBuilder WithActors(Action<ActorSystem, ActorRegistry> starter)
    {
        ArgumentNullException.ThrowIfNull(starter);
        return WithActors((system, registry, _) => starter(system, registry));
    }

    /// <summary>Adds a start-up step that has to wait for something (bind a listener, connect, ask an actor).</summary>
    /// <param name="name">A name for the logs and for the error if it fails.</param>
    /// <param name="step">The step.</param>
    /// <returns>This builder.</returns>
    public ActorSystemBuilder WithStartup(string name, AsyncActorStarter step)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(step);
        _steps.Add(new StartupStep(name, step));
        return this;
    }

    /// <summary>
    /// Enables remoting (Akka.Hosting's <c>WithRemoting</c>): <see cref="Remote.Remoting"/> is
    /// started right after the system is created (so start-up steps can resolve remote
    /// references), and once every start-up step has run (so the actors exist before the first
    /// message can arrive) it listens on the endpoints its settings enable
    /// (<c>remoteio.remote.tcp</c>, <c>remoteio.remote.unix</c>). Listeners close in the
    /// coordinated shutdown's <c>service-unbind</c> phase; links close before the system terminates.
    /// </summary>
    /// <param name="configure">
    /// Adjusts the settings read from the system's <c>remoteio.remote</c> section (e.g. the bind
    /// address); null keeps them.
    /// </param>
    /// <param name="registry">The message types accepted from peers; null for RemoteIo's pin messages.</param>
    /// <param name="onListening">Called with the endpoints actually bound (real ports when 0 was asked for).</param>
    /// <returns>This builder.</returns>
    public ActorSystemBuilder WithRemoting(
        Func<RemoteSettings, IServiceProvider, RemoteSettings>? configure = null,
        MessageRegistry? registry = null,
        Action<Remote.Remoting, IReadOnlyList<EndPoint>, IServiceProvider>? onListening = null)
    {
        Remoting = new RemotingSetup(configure ?? ((settings, _) => settings), registry, onListening);
        return this;
    }

    /// <summary>
    /// Adds a task to a phase of the system's <see cref="CoordinatedShutdown"/> (which runs when
    /// the host stops: SIGTERM, Ctrl-C, <c>StopApplication</c>).
    /// </summary>
    /// <param name="phase">One of <see cref="CoordinatedShutdown.OrderedPhases"/>, e.g. <see cref="CoordinatedShutdown.PhaseServiceUnbind"/>.</param>
    /// <param name="name">A name for the logs.</param>
    /// <param name="task">The work; the phase waits for it up to the phase's timeout.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The phase is unknown.</exception>
    public ActorSystemBuilder WithShutdownTask(string phase, string name, Func<ActorSystem, IServiceProvider, Task> task)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(task);
        if (!CoordinatedShutdown.OrderedPhases.Contains(phase))
        {
            throw new ArgumentException($"Unknown coordinated-shutdown phase [{phase}]; the phases are: {string.Join(", ", CoordinatedShutdown.OrderedPhases)}.", nameof(phase));
        }

        _shutdown.Add(new ShutdownStep(phase, name, task));
        return this;
    }

    /// <summary>The configuration the system is created with: the layers, later winning, over reference.conf.</summary>
    /// <returns>The merged configuration.</returns>
    public Config BuildConfig()
    {
        var config = ConfigurationFactory.Empty;
        foreach (var layer in _layers)
        {
            config = layer.WithFallback(config);
        }

        if (BridgesLogging)
        {
            config = ConfigurationFactory.ParseString("remoteio.actor.stdout-loglevel = off").WithFallback(config);
        }

        return config.WithFallback(ConfigurationFactory.Reference());
    }

    /// <summary>Creates the actor system this builder describes.</summary>
    /// <returns>The running system (without its start-up steps run).</returns>
    internal ActorSystem CreateSystem()
    {
        var settings = ActorSystemSettings.FromConfig(BuildConfig());
        foreach (var adjust in _settings)
        {
            settings = adjust(settings);
        }

        return ActorSystem.Create(SystemName, settings, TimeProvider);
    }

    /// <summary>How remoting starts.</summary>
    /// <param name="Configure">Adjusts the settings read from the configuration.</param>
    /// <param name="Registry">The message registry, or null for the default.</param>
    /// <param name="OnListening">Told the bound endpoints.</param>
    internal sealed record RemotingSetup(
        Func<RemoteSettings, IServiceProvider, RemoteSettings> Configure,
        MessageRegistry? Registry,
        Action<Remote.Remoting, IReadOnlyList<EndPoint>, IServiceProvider>? OnListening);

    /// <summary>One start-up step.</summary>
    /// <param name="Name">Its name.</param>
    /// <param name="Run">The work.</param>
    internal sealed record StartupStep(string Name, AsyncActorStarter Run);

    /// <summary>One coordinated-shutdown task.</summary>
    /// <param name="Phase">The phase.</param>
    /// <param name="Name">Its name.</param>
    /// <param name="Run">The work.</param>
    internal sealed record ShutdownStep(string Phase, string Name, Func<ActorSystem, IServiceProvider, Task> Run);
}
