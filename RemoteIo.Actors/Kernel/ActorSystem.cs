using System.Collections.Concurrent;
using System.Buffers;
using RemoteIo.Actors.Configuration;
using RemoteIo.Actors.Kernel.Dispatch;
using RemoteIo.Actors.Kernel.Event;

namespace RemoteIo.Actors.Kernel;

/// <summary>
/// A hierarchy of actors with shared services: dispatchers, a scheduler and one
/// <see cref="System.TimeProvider"/> for every timer (so tests can run it on virtual time), an
/// event stream, dead letters, logging and extensions. Application actors live under
/// <c>/user</c> (<see cref="ActorOf"/>), infrastructure under <c>/system</c>
/// (<see cref="SystemActorOf"/>). <see cref="Terminate"/> stops them all, children first.
/// </summary>
public sealed class ActorSystem : IDisposable, IAsyncDisposable
{
    /// <summary>What may follow the first character of a system name (Akka's rule: ASCII letters, digits, '_' and '-').</summary>
    private static readonly SearchValues<char> SystemNameCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");

    /// <summary>Extensions by type.</summary>
    private readonly ConcurrentDictionary<Type, object> _extensions = new();

    /// <summary>Completed once everything has stopped.</summary>
    private readonly TaskCompletionSource _whenTerminated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The scheduler (cancelled at termination).</summary>
    private readonly TimeProviderScheduler _scheduler;

    /// <summary>The local actor tree.</summary>
    private readonly LocalActorRefProvider _provider;

    /// <summary>Subscriptions of the built-in loggers, disposed at termination.</summary>
    private readonly IDisposable?[] _loggers;

    /// <summary>The remoting hook, once registered.</summary>
    private IRemoteActorRefProvider? _remote;

    /// <summary>1 once termination has started.</summary>
    private int _terminating;

    /// <summary>Builds the system and starts its guardians.</summary>
    private ActorSystem(string name, ActorSystemSettings settings, TimeProvider timeProvider)
    {
        Name = name;
        Settings = settings;
        TimeProvider = timeProvider;
        StartTime = timeProvider.GetUtcNow();
        Address = Address.Local(name);
        Quiescence = settings.TrackQuiescence ? new Quiescence() : null;
        EventStream = new EventStream();
        Log = CreateLogger(name, typeof(ActorSystem));
        Dispatchers = new Dispatchers(name, settings.FindDispatcher);
        _scheduler = new TimeProviderScheduler(timeProvider, Log);
        _provider = new LocalActorRefProvider(this);
        _loggers =
        [
            StandardOutLogger.Start(EventStream, settings.StdoutLogLevel),
            DeadLetterLogger.Start(this, settings.LogDeadLetters, settings.LogDeadLettersDuringShutdown),
        ];
    }

    /// <summary>The system's name (part of every actor path).</summary>
    public string Name { get; }

    /// <summary>The kernel settings the system was created with.</summary>
    public ActorSystemSettings Settings { get; }

    /// <summary>The clock of every timer, scheduled message and Ask timeout in the system.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>When the system started, on <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset StartTime { get; }

    /// <summary>How long the system has been running, on <see cref="TimeProvider"/>.</summary>
    public TimeSpan Uptime => TimeProvider.GetUtcNow() - StartTime;

    /// <summary>The local address, <c>remoteio://name</c>.</summary>
    public Address Address { get; }

    /// <summary>The system's publish/subscribe bus (logs, dead letters, unhandled messages, application events).</summary>
    public EventStream EventStream { get; }

    /// <summary>The system's logger (source: the system's name).</summary>
    public ILoggingAdapter Log { get; }

    /// <summary>The dispatchers, by id.</summary>
    public Dispatchers Dispatchers { get; }

    /// <summary>Schedules messages and actions on <see cref="TimeProvider"/>.</summary>
    public IScheduler Scheduler => _scheduler;

    /// <summary>The dead letters: messages told to it are published as <see cref="DeadLetter"/>s.</summary>
    public IActorRef DeadLetters => _provider.DeadLetters;

    /// <summary>Completes once the system has terminated (all actors stopped, dispatchers and timers released).</summary>
    public Task WhenTerminated => _whenTerminated.Task;

    /// <summary>True once termination has started.</summary>
    public bool IsTerminating => Volatile.Read(ref _terminating) != 0;

    /// <summary>The pending-work counter when quiescence tracking is on.</summary>
    internal Quiescence? Quiescence { get; }

    /// <summary>The local actor tree.</summary>
    internal LocalActorRefProvider Provider => _provider;

    /// <summary>Creates a system with the settings of <c>reference.conf</c>, on the real clock.</summary>
    /// <param name="name">Letters, digits, '-' and '_', starting with a letter or digit.</param>
    /// <returns>The running system.</returns>
    public static ActorSystem Create(string name) => Create(name, ActorSystemSettings.Default);

    /// <summary>
    /// Creates a system configured by <paramref name="config"/> (with <c>reference.conf</c>
    /// beneath it), on <paramref name="timeProvider"/> (default: the real clock).
    /// </summary>
    /// <param name="name">Letters, digits, '-' and '_', starting with a letter or digit.</param>
    /// <param name="config">The configuration, e.g. <c>ConfigurationFactory.Load("hocon/host.conf")</c>.</param>
    /// <param name="timeProvider">The clock for every timer in the system.</param>
    /// <returns>The running system.</returns>
    /// <exception cref="ConfigurationException">A kernel setting or the default dispatcher's section is invalid.</exception>
    public static ActorSystem Create(string name, Config config, TimeProvider? timeProvider = null) =>
        Create(name, ActorSystemSettings.FromConfig(config), timeProvider);

    /// <summary>Creates a system with <paramref name="settings"/>, on <paramref name="timeProvider"/> (default: the real clock).</summary>
    /// <param name="name">Letters, digits, '-' and '_', starting with a letter or digit.</param>
    /// <param name="settings">The kernel settings.</param>
    /// <param name="timeProvider">The clock for every timer in the system (a virtual clock in tests).</param>
    /// <returns>The running system.</returns>
    /// <exception cref="ArgumentException">The name is invalid.</exception>
    public static ActorSystem Create(string name, ActorSystemSettings settings, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!IsValidName(name))
        {
            throw new ArgumentException($"Invalid actor system name [{name}]: it must start with a letter or digit and contain only letters, digits, '-' and '_'.", nameof(name));
        }

        return new ActorSystem(name, settings, timeProvider ?? TimeProvider.System);
    }

    /// <summary>True when <paramref name="name"/> may name an actor system.</summary>
    /// <param name="name">The candidate.</param>
    /// <returns>Whether it is valid.</returns>
    public static bool IsValidName(string? name) =>
        name is { Length: > 0 } && char.IsAsciiLetterOrDigit(name[0]) && !name.AsSpan(1).ContainsAnyExcept(SystemNameCharacters);

    /// <summary>Creates a top-level application actor under <c>/user</c>. Thread-safe.</summary>
    /// <param name="props">How to create it.</param>
    /// <param name="name">A unique name (generated when null).</param>
    /// <returns>The actor's reference.</returns>
    /// <exception cref="InvalidActorNameException">The name is invalid or taken.</exception>
    /// <exception cref="ArgumentException">The props name a dispatcher that is not configured.</exception>
    /// <exception cref="InvalidOperationException">The system is terminating.</exception>
    public IActorRef ActorOf(Props props, string? name = null) => _provider.UserGuardian.Cell.AttachChild(props, name);

    /// <summary>Creates an infrastructure actor under <c>/system</c>; it outlives the <c>/user</c> actors at termination.</summary>
    /// <param name="props">How to create it.</param>
    /// <param name="name">A unique name (generated when null).</param>
    /// <returns>The actor's reference.</returns>
    public IActorRef SystemActorOf(Props props, string? name = null) => _provider.SystemGuardian.Cell.AttachChild(props, name);

    /// <summary>Selects actors by absolute path (<c>/user/a/b</c>, <c>remoteio://sys@host:port/user/a</c>), with <c>*</c>/<c>?</c> wildcards.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The selection.</returns>
    public ActorSelection ActorSelection(string path) => Selection(_provider.RootGuardian, path);

    /// <summary>Selects the actor at <paramref name="path"/>.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The selection.</returns>
    public ActorSelection ActorSelection(ActorPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new ActorSelection(this, ResolveActorRef(path.Root), [.. path.Elements]);
    }

    /// <summary>
    /// Returns the reference for <paramref name="path"/>: a local actor, a remote reference from the
    /// registered remote provider, or (when nothing is there) a reference whose messages become
    /// dead letters and whose watchers get an immediate <see cref="Terminated"/>.
    /// </summary>
    /// <param name="path">The path.</param>
    /// <returns>The reference.</returns>
    public IActorRef ResolveActorRef(ActorPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Address == Address)
        {
            return _provider.ResolveLocal(path);
        }

        return _remote?.ResolveActorRef(path) ?? new DeadLetterActorRef(this, path);
    }

    /// <summary>Resolves a path given as text: <c>/user/a</c> (local) or a full <c>remoteio://</c> path.</summary>
    /// <param name="path">The path text.</param>
    /// <returns>The reference (see <see cref="ResolveActorRef(ActorPath)"/>).</returns>
    /// <exception cref="FormatException">The text is not a path.</exception>
    public IActorRef ResolveActorRef(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ResolveActorRef(path.StartsWith('/') ? ActorPath.Parse(Address + path) : ActorPath.Parse(path));
    }

    /// <summary>
    /// Resolves the elements (and uid) of <paramref name="path"/> in this system's tree, whatever
    /// its address says: for the remote layer, whose inbound messages name this system by its
    /// network address.
    /// </summary>
    /// <param name="path">The path.</param>
    /// <returns>The local reference, or a dead-letter reference for that path.</returns>
    public IActorRef ResolveLocalActorRef(ActorPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return _provider.ResolveLocal(path);
    }

    /// <summary>
    /// Delivers an inbound message to a local path with any reference (typically a remote one) as
    /// its sender. A path to nothing makes it a dead letter. Never throws on delivery.
    /// </summary>
    /// <param name="recipient">The local recipient's path (its address is ignored).</param>
    /// <param name="message">The message.</param>
    /// <param name="sender">The sender the recipient sees.</param>
    public void DeliverLocal(ActorPath recipient, object message, IActorRef? sender) => ResolveLocalActorRef(recipient).Tell(message, sender);

    /// <summary>Stops an actor asynchronously (children first); for a non-local reference, sends it a <see cref="PoisonPill"/>.</summary>
    /// <param name="actor">The actor.</param>
    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is LocalActorRef local && local.System == this)
        {
            local.SendSystemMessage(new Terminate());
        }
        else
        {
            actor.Tell(PoisonPill.Instance, null);
        }
    }

    /// <summary>
    /// Terminates the system: runs the <see cref="CoordinatedShutdown"/> if one was used (and
    /// configured to), then stops <c>/user</c> (children first), then the <c>/system</c> actors
    /// (each after processing what it already had in its mailbox, so what the stopping
    /// application actors sent them is not lost), then releases dispatchers and timers. Idempotent.
    /// </summary>
    /// <returns><see cref="WhenTerminated"/>.</returns>
    public Task Terminate()
    {
        if (Settings.CoordinatedShutdown.RunByActorSystemTerminate && GetExtension<CoordinatedShutdown>() is { } shutdown)
        {
            _ = shutdown.Run(ShutdownReason.ActorSystemTerminate);
        }
        else
        {
            FinalTerminate();
        }

        return WhenTerminated;
    }

    /// <summary>Waits until no message is pending anywhere in the system (needs <see cref="ActorSystemSettings.TrackQuiescence"/>).</summary>
    /// <param name="timeout">How long to wait at most (real time).</param>
    /// <returns>True when idle; false on timeout.</returns>
    /// <exception cref="InvalidOperationException">Quiescence tracking is off.</exception>
    public bool AwaitIdle(TimeSpan timeout)
    {
        var quiescence = Quiescence ?? throw new InvalidOperationException($"Actor system {Name} does not track quiescence: create it with remoteio.actor.track-quiescence = on (the TestKit does).");
        return quiescence.AwaitIdle(timeout);
    }

    /// <summary>Registers the remoting hook (once).</summary>
    /// <param name="provider">Resolves references on other addresses.</param>
    /// <exception cref="InvalidOperationException">A provider is already registered.</exception>
    public void RegisterRemoteActorRefProvider(IRemoteActorRefProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (Interlocked.CompareExchange(ref _remote, provider, null) is not null)
        {
            throw new InvalidOperationException($"Actor system {Name} already has a remote actor-ref provider.");
        }
    }

    /// <summary>Registers an extension; the first registration of a type wins.</summary>
    /// <typeparam name="T">The extension's type (its lookup key).</typeparam>
    /// <param name="extension">The extension.</param>
    /// <returns>The registered extension (the earlier one if the type was already registered).</returns>
    public T RegisterExtension<T>(T extension)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(extension);
        return (T)_extensions.GetOrAdd(typeof(T), extension);
    }

    /// <summary>Returns the extension registered for <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The extension type.</typeparam>
    /// <returns>The extension, or null when none is registered.</returns>
    public T? GetExtension<T>()
        where T : class => _extensions.TryGetValue(typeof(T), out var extension) ? (T)extension : null;

    /// <summary>Returns the extension for <typeparamref name="T"/>, creating and registering it on first use (once, even under races).</summary>
    /// <typeparam name="T">The extension type.</typeparam>
    /// <param name="factory">Creates the extension for this system.</param>
    /// <returns>The extension.</returns>
    public T GetOrAddExtension<T>(Func<ActorSystem, T> factory)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (_extensions.TryGetValue(typeof(T), out var existing))
        {
            return (T)existing;
        }

        lock (_extensions)
        {
            return (T)_extensions.GetOrAdd(typeof(T), factory(this));
        }
    }

    /// <summary>Terminates and waits up to 10 seconds.</summary>
    public void Dispose() => Terminate().Wait(TimeSpan.FromSeconds(10));

    /// <summary>Terminates and waits.</summary>
    /// <returns>Completes when terminated.</returns>
    public async ValueTask DisposeAsync() => await Terminate();

    /// <summary>The system's name and address.</summary>
    /// <returns>The address text.</returns>
    public override string ToString() => Address.ToString();

    /// <summary>Creates a logger for a source.</summary>
    internal ILoggingAdapter CreateLogger(string source, Type logClass) => new LoggingAdapter(EventStream, Settings.LogLevel, TimeProvider, source, logClass);

    /// <summary>Starts stopping the actor tree (the last step of a shutdown). Idempotent.</summary>
    internal void FinalTerminate()
    {
        if (Interlocked.Exchange(ref _terminating, 1) == 0)
        {
            _provider.UserGuardian.SendSystemMessage(new Terminate());
        }
    }

    /// <summary>The root guardian has stopped: release everything and complete <see cref="WhenTerminated"/>.</summary>
    internal void OnRootTerminated()
    {
        Interlocked.Exchange(ref _terminating, 1);
        _scheduler.Shutdown();
        Dispatchers.Shutdown();
        foreach (var extension in _extensions.Values)
        {
            if (extension is IDisposable disposable && extension is not CoordinatedShutdown)
            {
                try
                {
                    disposable.Dispose();
                }
                catch (Exception e)
                {
                    Log.Error(e, "Disposing extension {0} failed: {1}", extension.GetType().Name, e.Message);
                }
            }
        }

        foreach (var logger in _loggers)
        {
            logger?.Dispose();
        }

        _whenTerminated.TrySetResult();
    }

    /// <summary>Builds a selection relative to <paramref name="anchor"/> (or absolute when the path says so).</summary>
    internal ActorSelection Selection(IActorRef anchor, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var schemeEnd = path.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0)
        {
            var slash = path.IndexOf('/', schemeEnd + 3);
            var address = Address.Parse(slash < 0 ? path : path[..slash]);
            var root = address == Address ? _provider.RootGuardian : ResolveActorRef(ActorPath.RootOf(address));
            return new ActorSelection(this, root, SplitElements(slash < 0 ? string.Empty : path[slash..]));
        }

        return path.StartsWith('/')
            ? new ActorSelection(this, _provider.RootGuardian, SplitElements(path))
            : new ActorSelection(this, anchor, SplitElements(path));
    }

    /// <summary>Splits a path into elements, dropping empty ones.</summary>
    private static string[] SplitElements(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
