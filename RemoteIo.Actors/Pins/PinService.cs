using RemoteIo.Actors.Configuration;
using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Boards;
using RemoteIo.Actors.Gpio.Pwm;
using RemoteIo.Actors.Gpio.Timing;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Kernel.Event;

namespace RemoteIo.Actors.Pins;

/// <summary>
/// The host side of the pin domain, started once per host: it opens a controller over the host's
/// GPIO driver, puts every configured pin in its safe level, creates the edge scheduler and the
/// <see cref="PinSupervisor"/> at <c>/user/pins</c>, and registers the pins' part of the
/// coordinated shutdown.
/// </summary>
/// <remarks>
/// Shutdown (CoordinatedShutdown phases):
/// <list type="number">
/// <item><c>service-unbind</c>: stop accepting — new sessions, claims, observers and commands are
/// refused with SHUTTING_DOWN.</item>
/// <item><c>service-requests-done</c>: with <c>remoteio.pins.shutdown = drain</c> every session
/// soft-closes (queued work runs, then each pin goes to its safe level and is released), waiting at
/// most <c>drain-timeout</c>, after which whatever still runs is cut; with <c>cut</c> running
/// commands are interrupted and queued ones superseded at once. Every accepted command gets its
/// final outcome either way.</item>
/// <item><c>service-stop</c>: every line the host holds is put in its safe level and closed.</item>
/// </list>
/// Keep <c>drain-timeout</c> below the <c>service-requests-done</c> phase timeout of
/// <c>remoteio.actor.coordinated-shutdown</c>.
/// </remarks>
public sealed class PinService : IDisposable
{
    /// <summary>How long a shutdown step other than the drain may take.</summary>
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Controller, scheduler, interlocks.</summary>
    private readonly PinRuntime _runtime;

    /// <summary>The log.</summary>
    private readonly ILoggingAdapter _log;

    /// <summary>1 once disposed.</summary>
    private int _disposed;

    /// <summary>Creates the service (see <see cref="Start"/>).</summary>
    private PinService(ActorSystem system, PinRuntime runtime, IActorRef supervisor)
    {
        System = system;
        _runtime = runtime;
        Supervisor = supervisor;
        _log = system.Log;
    }

    /// <summary>The actor system.</summary>
    public ActorSystem System { get; }

    /// <summary>The supervisor (<c>/user/pins</c>): send it the pins.proto requests.</summary>
    public IActorRef Supervisor { get; }

    /// <summary>The controller over the host's driver.</summary>
    public GpioController Controller => _runtime.Controller;

    /// <summary>The timing engine (its statistics tell how late edges were).</summary>
    public EdgeScheduler Scheduler => _runtime.Scheduler;

    /// <summary>The settings in force.</summary>
    public PinsSettings Settings => _runtime.Settings;

    /// <summary>The GPIOs whose value, pulse and servo commands can run on a hardware PWM channel (see <see cref="HardwarePwmSummary"/>).</summary>
    public IReadOnlyList<int> HardwarePwmGpios => _runtime.HardwarePwm.Gpios;

    /// <summary>What the start log said about hardware PWM: which GPIOs have it, on which channel, and why the others do not.</summary>
    public string HardwarePwmSummary => _runtime.HardwarePwm.Summary;

    /// <summary>
    /// Starts the pin domain on <paramref name="system"/>: configured pins go to their safe level
    /// at once, then the supervisor is created at <c>/user/<paramref name="name"/></c> and the
    /// shutdown tasks are registered. The service is disposed when the actor system terminates.
    /// </summary>
    /// <param name="system">The host's actor system (its clock times every edge).</param>
    /// <param name="driver">The GPIO driver (not disposed by the service; its lines are requested through it under <paramref name="consumer"/>).</param>
    /// <param name="settings">The settings; null reads <c>remoteio.pins</c> from the system's configuration.</param>
    /// <param name="timing">The edge scheduler's settings (<c>remoteio.gpio.timing</c>); null for the defaults.</param>
    /// <param name="resolver">Decides sessions from senders; null for <see cref="SessionKeyResolver.Default"/>.</param>
    /// <param name="consumer">The consumer label other programs see on the host's lines.</param>
    /// <param name="name">The supervisor's name under <c>/user</c>.</param>
    /// <param name="gpio">
    /// The GPIO layer's settings, for hardware PWM: <c>pwm-root</c>, <c>pwm-chip</c>, <c>model</c>,
    /// <c>model-path</c>; null reads them from the system's <c>remoteio.gpio</c> section.
    /// </param>
    /// <param name="pwmFileSystem">The sysfs and debugfs file operations of hardware PWM; null for the machine's (tests give an in-memory tree).</param>
    /// <returns>The running service.</returns>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    /// <exception cref="GpioException">A configured pin cannot be put in its safe level (e.g. another process holds it).</exception>
    public static PinService Start(
        ActorSystem system,
        GpioDriver driver,
        PinsSettings? settings = null,
        EdgeSchedulerOptions? timing = null,
        ISessionKeyResolver? resolver = null,
        string consumer = "remoteio",
        string name = "pins",
        GpioOptions? gpio = null,
        PwmFileSystem? pwmFileSystem = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(driver);
        settings ??= PinsSettings.FromConfig(system.Settings.Config);
        settings.Validate();
        timing ??= EdgeSchedulerOptions.Default;
        var log = system.Log;
        // Writes are echoed as edges, so observers can follow an output someone else drives.
        var controller = new GpioController(new EchoingGpioDriver(driver, consumer, system.TimeProvider), consumer, ownsDriver: true);
        PinRuntime runtime;
        try
        {
            ApplySafeLevelsAtStart(controller, settings, log);
            runtime = new PinRuntime(controller, system.TimeProvider, settings, timing, resolver ?? SessionKeyResolver.Default, message => log.Warning("{0}", message), gpio ?? HardwarePwmOptions(system.Settings.Config), pwmFileSystem ?? PwmFileSystem.Physical);
        }
        catch
        {
            controller.Dispose();
            throw;
        }

        var supervisor = system.ActorOf(PinSupervisor.Props(runtime), name);
        var service = new PinService(system, runtime, supervisor);
        service.RegisterShutdown();
        _ = system.WhenTerminated.ContinueWith(_ => service.Dispose(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        log.Info("pins: {0} at {1}, default mode {2}, shutdown {3}", driver.Description, supervisor.Path, settings.DefaultMode, settings.Shutdown);
        log.Info("pins: {0}", runtime.HardwarePwm.Summary);
        return service;
    }

    /// <summary>Stops the timing engine and releases the lines (they keep their last, safe, level).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _runtime.Dispose();
        _runtime.Controller.Dispose();
    }

    /// <summary>The <c>remoteio.gpio</c> keys hardware PWM needs (PWM root and chip, board model), when the caller gave no <see cref="GpioOptions"/>.</summary>
    private static GpioOptions HardwarePwmOptions(Config config)
    {
        var gpio = config.WithFallback(ConfigurationFactory.Reference()).GetConfig("remoteio.gpio");
        var defaults = GpioOptions.Default;
        return defaults with
        {
            PwmRoot = gpio.GetString("pwm-root", defaults.PwmRoot)!,
            PwmChip = gpio.GetInt("pwm-chip", defaults.PwmChip),
            Model = gpio.GetString("model", defaults.Model)!,
            ModelPath = gpio.GetString("model-path", defaults.ModelPath)!,
        };
    }

    /// <summary>Opens every configured header pin as an output at its safe level, before any client can claim it.</summary>
    private static void ApplySafeLevelsAtStart(GpioController controller, PinsSettings settings, ILoggingAdapter log)
    {
        foreach (var (gpio, pin) in settings.Pins.OrderBy(p => p.Key))
        {
            if (!RaspberryPiHeader.IsHeaderGpio(gpio) || gpio >= controller.PinCount)
            {
                log.Warning("remoteio.pins.pin-settings.{0}: GPIO {0} is not on this host's header; its safe level is not applied", gpio);
                continue;
            }

            controller.OpenLine(gpio, LineSettings.Output.WithInitialValue(pin.SafeLevel));
            log.Info("GPIO {0}: safe level {1} applied at start", gpio, pin.SafeLevel);
        }
    }

    /// <summary>Adds the three shutdown steps to the coordinated shutdown.</summary>
    private void RegisterShutdown()
    {
        var shutdown = CoordinatedShutdown.Get(System);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "pins-stop-accepting", () => Supervisor.Ask<ShutdownStepDone>(new StopAccepting(), StepTimeout));
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "pins-drain", DrainAsync);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "pins-safe-states", () => Supervisor.Ask<ShutdownStepDone>(new ReleaseAllLines(), StepTimeout));
    }

    /// <summary>Drains (up to the drain timeout, then cuts) or cuts, per configuration.</summary>
    private async Task DrainAsync()
    {
        if (Settings.Shutdown == ShutdownBehavior.Drain)
        {
            try
            {
                await Supervisor.Ask<ShutdownStepDone>(new DrainAll(), Settings.DrainTimeout);
                return;
            }
            catch (AskTimeoutException)
            {
                _log.Warning("pins: queued work did not finish within remoteio.pins.drain-timeout = {0}; cutting what still runs", Settings.DrainTimeout);
            }
        }

        await Supervisor.Ask<ShutdownStepDone>(new CutAll("the host is shutting down: cut"), StepTimeout);
    }
}
