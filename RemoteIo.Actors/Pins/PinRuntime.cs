using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Pwm;
using RemoteIo.Actors.Gpio.Timing;

namespace RemoteIo.Actors.Pins;

/// <summary>
/// What every actor of the pin domain shares: the GPIO controller, the edge scheduler (whose one
/// listener routes waveform endings to pin actors), the interlocks and the settings. Created and
/// disposed by <see cref="PinService"/>.
/// </summary>
internal sealed class PinRuntime : IDisposable
{
    /// <summary>Creates the runtime and its edge scheduler.</summary>
    /// <param name="controller">The controller over the host's GPIO driver.</param>
    /// <param name="clock">The clock (the actor system's).</param>
    /// <param name="settings">Validated pin settings.</param>
    /// <param name="timing">The edge scheduler's settings.</param>
    /// <param name="resolver">Decides sessions from senders.</param>
    /// <param name="log">One-line notices from the scheduler and the hardware PWM.</param>
    /// <param name="gpio">Where the board's hardware PWM is (<c>remoteio.gpio</c>: PWM root and chip, board model).</param>
    /// <param name="pwmFileSystem">The sysfs and debugfs file operations of hardware PWM.</param>
    public PinRuntime(GpioController controller, TimeProvider clock, PinsSettings settings, EdgeSchedulerOptions timing, ISessionKeyResolver resolver, Action<string>? log, GpioOptions gpio, PwmFileSystem pwmFileSystem)
    {
        Controller = controller;
        Clock = clock;
        Settings = settings;
        Timing = timing;
        Resolver = resolver;
        Router = new WaveformRouter(controller.PinCount);
        Scheduler = EdgeScheduler.Create(controller, clock, timing, Router, log);
        Interlocks = new InterlockTable(settings.ExclusiveGroups);
        HardwarePwm = HardwarePwmMap.Discover(settings, gpio, pwmFileSystem, clock, Router, controller.PinCount, log ?? (_ => { }));
    }

    /// <summary>The controller of the host's chip.</summary>
    public GpioController Controller { get; }

    /// <summary>The clock of every timestamp.</summary>
    public TimeProvider Clock { get; }

    /// <summary>The pin settings.</summary>
    public PinsSettings Settings { get; }

    /// <summary>The timing engine's settings (default software PWM frequency, fade step).</summary>
    public EdgeSchedulerOptions Timing { get; }

    /// <summary>
    /// Whether GPIO numbers past the header name chip lines: on the simulated chip (it has no header
    /// map; remoteio.gpio.simulated-line-count), never on a real chip, whose lines 28 and up belong
    /// to the SoC's own devices.
    /// </summary>
    public bool LinesBeyondHeader => (Controller.Driver is EchoingGpioDriver echoing ? echoing.Inner : Controller.Driver) is Gpio.Simulation.SimulatedGpioDriver;

    /// <summary>Decides which session a sender belongs to.</summary>
    public ISessionKeyResolver Resolver { get; }

    /// <summary>Routes waveform endings to pin actors.</summary>
    public WaveformRouter Router { get; }

    /// <summary>The timing engine.</summary>
    public EdgeScheduler Scheduler { get; }

    /// <summary>The GPIOs with a hardware PWM channel, and their channels.</summary>
    public HardwarePwmMap HardwarePwm { get; }

    /// <summary>The exclusive groups' state.</summary>
    public InterlockTable Interlocks { get; }

    /// <summary>The clock now, in nanoseconds (the time base of outcomes, edges and the transition log).</summary>
    public long NowNanoseconds => Scheduler.NowNanoseconds;

    /// <summary>Stops the timing threads; disables and unexports the hardware PWM channels the host opened.</summary>
    public void Dispose()
    {
        Scheduler.Dispose();
        HardwarePwm.Dispose();
    }
}
