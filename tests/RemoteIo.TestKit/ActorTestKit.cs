using RemoteIo.Actors.Configuration;
using RemoteIo.Actors.Kernel;

namespace RemoteIo.TestKit;

/// <summary>
/// Base class for actor tests and simulations (Akka's <c>TestKit</c>): owns an actor system, a
/// default probe (<see cref="TestActor"/>, with the <c>Expect</c> methods on the kit itself) and,
/// by default, a virtual clock.
/// </summary>
/// <remarks>
/// <para>
/// On the virtual clock (the default) every timer, scheduled message and Ask timeout of the
/// system runs on <see cref="Clock"/>, and the system counts its pending messages. The kit
/// registers a settler on the clock, so <c>Clock.Advance(...)</c> fires each due timer at its
/// exact instant and then waits until all the actor work that tick caused has finished, before
/// the clock moves on: a timeline like "on at 0 ms, off at 2000 ms" is observed exactly, every
/// run. After an <see cref="Advance"/> the system is idle, so <see cref="ExpectNoMsg()"/> needs no
/// waiting. Work that leaves the actors (a task piped back later) is not tracked.
/// </para>
/// <para>
/// The constructor overloads take a configuration or settings, and another
/// <see cref="TimeProvider"/> (typically <see cref="TimeProvider.System"/>, for tests of real
/// threading); then <see cref="Clock"/> is unavailable and <see cref="ExpectNoMsg()"/> waits a
/// short real time.
/// </para>
/// <para>Dispose terminates the system and fails if it does not terminate in time.</para>
/// </remarks>
public class ActorTestKit : IDisposable
{
    /// <summary>Names the systems of successive kits.</summary>
    private static int _systemCounter;

    /// <summary>What the kit changes from <c>reference.conf</c>: no standard-output logging (tests subscribe to what they check).</summary>
    private static readonly Config TestDefaults = ConfigurationFactory.ParseString("remoteio.actor.stdout-loglevel = off");

    /// <summary>The virtual clock, or null on another clock.</summary>
    private readonly ManualTimeProvider? _clock;

    /// <summary>The settler registered on <see cref="_clock"/>.</summary>
    private readonly Action? _settler;

    /// <summary>True once disposed.</summary>
    private bool _disposed;

    /// <summary>
    /// Creates a kit with a fresh actor system on a new virtual clock, configured by
    /// <c>reference.conf</c> with standard-output logging off.
    /// </summary>
    public ActorTestKit()
        : this(ConfigurationFactory.Empty)
    {
    }

    /// <summary>Creates a kit whose actor system runs on <paramref name="timeProvider"/> (e.g. <see cref="TimeProvider.System"/> for real time).</summary>
    /// <param name="timeProvider">The clock; a <see cref="ManualTimeProvider"/> gets settling wired like the default.</param>
    public ActorTestKit(TimeProvider timeProvider)
        : this(ConfigurationFactory.Empty, timeProvider)
    {
    }

    /// <summary>
    /// Creates a kit whose actor system is configured by <paramref name="config"/> (over
    /// <c>reference.conf</c>; standard-output logging is off unless the config turns it on).
    /// </summary>
    /// <param name="config">The configuration.</param>
    /// <param name="timeProvider">The clock; null creates a <see cref="ManualTimeProvider"/>.</param>
    /// <param name="systemName">The actor system's name (generated when null).</param>
    /// <param name="kitSettings">The kit's timeouts.</param>
    public ActorTestKit(Config config, TimeProvider? timeProvider = null, string? systemName = null, TestKitSettings? kitSettings = null)
        : this(ActorSystemSettings.FromConfig(config.WithFallback(TestDefaults)), timeProvider, systemName, kitSettings)
    {
    }

    /// <summary>Creates a kit whose actor system uses <paramref name="settings"/> (quiescence tracking is turned on for a virtual clock).</summary>
    /// <param name="settings">The kernel settings.</param>
    /// <param name="timeProvider">The clock; null creates a <see cref="ManualTimeProvider"/>.</param>
    /// <param name="systemName">The actor system's name (generated when null).</param>
    /// <param name="kitSettings">The kit's timeouts.</param>
    public ActorTestKit(ActorSystemSettings settings, TimeProvider? timeProvider = null, string? systemName = null, TestKitSettings? kitSettings = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        KitSettings = kitSettings ?? TestKitSettings.Default;
        var time = timeProvider ?? new ManualTimeProvider();
        _clock = time as ManualTimeProvider;
        if (_clock is not null)
        {
            settings = settings.WithQuiescenceTracking(true);
        }

        var name = systemName ?? "test-" + Interlocked.Increment(ref _systemCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Sys = ActorSystem.Create(name, settings, time);
        if (_clock is not null)
        {
            _settler = Settle;
            _clock.AddSettler(_settler);
        }

        TestProbe = new TestProbe(Sys, "testActor", KitSettings);
    }

    /// <summary>The actor system under test.</summary>
    public ActorSystem Sys { get; }

    /// <summary>The kit's timeouts.</summary>
    public TestKitSettings KitSettings { get; }

    /// <summary>True when the system runs on the kit's virtual clock.</summary>
    public bool IsVirtualTime => _clock is not null;

    /// <summary>The virtual clock driving every timer of <see cref="Sys"/>.</summary>
    /// <exception cref="InvalidOperationException">The kit runs on another clock.</exception>
    public ManualTimeProvider Clock => _clock ?? throw new InvalidOperationException("This test kit runs on a real clock; create it without a TimeProvider for virtual time.");

    /// <summary>The default probe (the kit's own <c>Expect</c> methods read its queue).</summary>
    public TestProbe TestProbe { get; }

    /// <summary>The default probe's reference: pass it as sender to get replies in the kit's queue.</summary>
    public IActorRef TestActor => TestProbe.Ref;

    /// <summary>The sender of the message the default probe took last.</summary>
    public IActorRef LastSender => TestProbe.LastSender;

    /// <summary>Creates another probe in <see cref="Sys"/>.</summary>
    /// <param name="name">The probe actor's name (generated when null).</param>
    /// <returns>The probe.</returns>
    public TestProbe CreateTestProbe(string? name = null) => new(Sys, name, KitSettings);

    /// <summary>Creates a top-level actor in <see cref="Sys"/>.</summary>
    /// <param name="props">How to create it.</param>
    /// <param name="name">Its name (generated when null).</param>
    /// <returns>The actor's reference.</returns>
    public IActorRef ActorOf(Props props, string? name = null) => Sys.ActorOf(props, name);

    /// <summary>Creates a top-level actor of type <typeparamref name="TActor"/>.</summary>
    /// <typeparam name="TActor">The actor type (parameterless constructor).</typeparam>
    /// <param name="name">Its name (generated when null).</param>
    /// <returns>The actor's reference.</returns>
    public IActorRef ActorOf<TActor>(string? name = null)
        where TActor : ActorBase, new() => Sys.ActorOf(Props.Create<TActor>(), name);

    /// <summary>Moves the virtual clock forward, firing and settling every timer due on the way.</summary>
    /// <param name="delta">How far.</param>
    public void Advance(TimeSpan delta) => Clock.Advance(delta);

    /// <summary>Waits until the actor system is idle (virtual clock only).</summary>
    /// <exception cref="TimeoutException">It did not become idle within <see cref="TestKitSettings.SettleTimeout"/>.</exception>
    public void Settle()
    {
        if (!Sys.AwaitIdle(KitSettings.SettleTimeout))
        {
            throw new TimeoutException($"The actor system {Sys.Name} did not become idle within {KitSettings.SettleTimeout.TotalMilliseconds:0} ms: an actor is busy or actors keep messaging each other.");
        }
    }

    /// <summary>Takes the default probe's next message, which must be a <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>The message.</returns>
    public T ExpectMsg<T>(TimeSpan? timeout = null) => TestProbe.ExpectMsg<T>(timeout);

    /// <summary>Takes the default probe's next message, a <typeparamref name="T"/> satisfying <paramref name="predicate"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="predicate">What it must satisfy.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>The message.</returns>
    public T ExpectMsg<T>(Predicate<T> predicate, TimeSpan? timeout = null) => TestProbe.ExpectMsg<T>(predicate, timeout);

    /// <summary>Takes the default probe's next message, which must equal <paramref name="expected"/>.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="expected">The expected message.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>The message.</returns>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null)
        where T : notnull => TestProbe.ExpectMsg(expected, timeout);

    /// <summary>Asserts the default probe gets no message (exact after settling on the virtual clock).</summary>
    public void ExpectNoMsg() => TestProbe.ExpectNoMsg();

    /// <summary>Asserts the default probe gets no message within <paramref name="duration"/>.</summary>
    /// <param name="duration">How long to watch (real time).</param>
    public void ExpectNoMsg(TimeSpan duration) => TestProbe.ExpectNoMsg(duration);

    /// <summary>Has the default probe watch <paramref name="actor"/>.</summary>
    /// <param name="actor">The actor.</param>
    /// <returns><paramref name="actor"/>.</returns>
    public IActorRef Watch(IActorRef actor) => TestProbe.Watch(actor);

    /// <summary>Has the default probe stop watching <paramref name="actor"/>.</summary>
    /// <param name="actor">The actor.</param>
    /// <returns><paramref name="actor"/>.</returns>
    public IActorRef Unwatch(IActorRef actor) => TestProbe.Unwatch(actor);

    /// <summary>Takes the default probe's next message: the termination of <paramref name="actor"/>.</summary>
    /// <param name="actor">The watched actor.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>The message.</returns>
    public Terminated ExpectTerminated(IActorRef actor, TimeSpan? timeout = null) => TestProbe.ExpectTerminated(actor, timeout);

    /// <summary>Takes <paramref name="count"/> messages from the default probe.</summary>
    /// <param name="count">How many.</param>
    /// <param name="timeout">The time for all.</param>
    /// <returns>The messages.</returns>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null) => TestProbe.ReceiveN(count, timeout);

    /// <summary>Takes messages from the default probe until one satisfies <paramref name="isMessage"/>.</summary>
    /// <param name="isMessage">True for the awaited message.</param>
    /// <param name="timeout">The time for the search.</param>
    /// <returns>The message.</returns>
    public object FishForMessage(Predicate<object> isMessage, TimeSpan? timeout = null) => TestProbe.FishForMessage(isMessage, timeout);

    /// <summary>Runs a block that must finish within <paramref name="max"/> (real time).</summary>
    /// <param name="max">The limit.</param>
    /// <param name="action">The block.</param>
    public void Within(TimeSpan max, Action action) => TestProbe.Within(max, action);

    /// <summary>Retries an assertion until it passes or the time is over.</summary>
    /// <param name="assertion">The assertion.</param>
    /// <param name="duration">How long to keep trying.</param>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null) => TestProbe.AwaitAssert(assertion, duration);

    /// <summary>Waits until <paramref name="condition"/> holds (settling a virtual-clock system between checks).</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="max">How long to wait.</param>
    /// <param name="message">Describes the condition in the failure message.</param>
    public void AwaitCondition(Func<bool> condition, TimeSpan? max = null, string? message = null) => TestProbe.AwaitCondition(condition, max, message);

    /// <summary>Terminates the actor system.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Terminates the actor system and unregisters the settler.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    /// <exception cref="TimeoutException">The system did not terminate in time.</exception>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (!Sys.Terminate().Wait(KitSettings.ShutdownTimeout))
            {
                throw new TimeoutException($"The actor system {Sys.Name} did not terminate within {KitSettings.ShutdownTimeout.TotalMilliseconds:0} ms.");
            }
        }
        finally
        {
            if (_settler is not null)
            {
                _clock!.RemoveSettler(_settler);
            }
        }
    }
}
