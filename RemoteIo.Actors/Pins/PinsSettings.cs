using RemoteIo.Actors.Configuration;
using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Pins;

/// <summary>
/// The pin domain's settings: the <c>remoteio.pins</c> section of the HOCON configuration (every
/// key is documented in hocon/reference.conf). Immutable; derive variants with the <c>WithX</c>
/// methods; <see cref="Validate"/> names the offending key.
/// </summary>
public sealed record PinsSettings
{
    /// <summary>The shared empty <see cref="Pins"/> (one instance, so default settings compare equal as records; declared first, because static initializers run in order and Default below needs it).</summary>
    private static IReadOnlyDictionary<int, PinSettings> NoPinSettings { get; } = new Dictionary<int, PinSettings>();

    /// <summary>
    /// The highest frequency a value command may ask of a GPIO with a hardware PWM channel. The
    /// controllers go further, but their clock (tens of MHz) leaves ever fewer duty steps: about a
    /// hundred at 1 MHz.
    /// </summary>
    public const double MaxHardwarePwmFrequencyHz = 1_000_000;

    /// <summary>The settings of <c>reference.conf</c>.</summary>
    public static PinsSettings Default { get; } = new();

    /// <summary>The mode of sessions that do not choose one: <see cref="Mode.Wait"/> or <see cref="Mode.Nowait"/> (<c>default-mode</c>).</summary>
    public Mode DefaultMode { get; init; } = Mode.Wait;

    /// <summary>What happens to queued work at host shutdown (<c>shutdown</c>).</summary>
    public ShutdownBehavior Shutdown { get; init; } = ShutdownBehavior.Drain;

    /// <summary>How long a draining shutdown waits for queued work before it cuts (<c>drain-timeout</c>).</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>The safe level of pins without their own setting (<c>default-safe-level</c>).</summary>
    public PinValue DefaultSafeLevel { get; init; } = PinValue.Low;

    /// <summary>Per-GPIO settings (<c>pin-settings</c>); their pins are put in their safe level at host start.</summary>
    public IReadOnlyDictionary<int, PinSettings> Pins { get; init; } = NoPinSettings;

    /// <summary>Groups of GPIOs that must never be energised together (<c>exclusive-groups</c>).</summary>
    public IReadOnlyList<ExclusiveGroup> ExclusiveGroups { get; init; } = [];

    /// <summary>Edges buffered per subscriber when its ObservePin names no capacity (<c>observer-queue-capacity</c>).</summary>
    public int ObserverQueueCapacity { get; init; } = 4096;

    /// <summary>Edges a pin buffers between the driver and its actor (<c>edge-buffer-capacity</c>); overflow is reported to every observer.</summary>
    public int EdgeBufferCapacity { get; init; } = 4096;

    /// <summary>The longest duration (or blink/fade time) a command may ask for (<c>max-command-duration</c>); longer is refused as invalid.</summary>
    public TimeSpan MaxCommandDuration { get; init; } = TimeSpan.FromDays(7);

    /// <summary>The highest software PWM frequency a value command may ask for (<c>max-pwm-frequency</c>, hertz).</summary>
    public double MaxPwmFrequencyHz { get; init; } = 10_000;

    /// <summary>Whether value, pulse and servo commands use a GPIO's hardware PWM channel where it has one (<c>hardware-pwm</c>).</summary>
    public HardwarePwmMode HardwarePwm { get; init; } = HardwarePwmMode.Auto;

    /// <summary>
    /// The pinctrl directory of debugfs (<c>pinctrl-root</c>). A pin the host has driven as a GPIO
    /// is back in GPIO mode; its PWM function is selected again through a <c>pinmux-select</c> file
    /// below this root before its hardware channel drives it.
    /// </summary>
    public string PinctrlRoot { get; init; } = "/sys/kernel/debug/pinctrl";

    /// <summary>The servo pulse period (<c>servo.period</c>, 20 ms = 50 Hz).</summary>
    public TimeSpan ServoPeriod { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>The shortest servo pulse accepted (<c>servo.min-pulse</c>).</summary>
    public TimeSpan ServoMinPulse { get; init; } = TimeSpan.FromMicroseconds(500);

    /// <summary>The longest servo pulse accepted (<c>servo.max-pulse</c>).</summary>
    public TimeSpan ServoMaxPulse { get; init; } = TimeSpan.FromMicroseconds(2500);

    /// <summary>The dispatcher the pin actors run on (<c>dispatcher</c>).</summary>
    public string Dispatcher { get; init; } = "remoteio.timing-dispatcher";

    /// <summary>Restarts of one pin's actor allowed within <see cref="PinRestartWindow"/> before the pin is taken out of service (<c>pin-restarts.max-retries</c>).</summary>
    public int MaxPinRestarts { get; init; } = 10;

    /// <summary>The window <see cref="MaxPinRestarts"/> is counted in (<c>pin-restarts.within</c>).</summary>
    public TimeSpan PinRestartWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long GetPinStates waits for the pins' answers (<c>states-timeout</c>).</summary>
    public TimeSpan StatesTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Reads <c>remoteio.pins</c> from <paramref name="config"/> (reference.conf beneath it).</summary>
    /// <param name="config">The whole configuration, e.g. <c>system.Settings.Config</c>.</param>
    /// <returns>The validated settings.</returns>
    /// <exception cref="ConfigurationException">A setting is invalid; the message names its key, value and origin.</exception>
    public static PinsSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var section = config.WithFallback(ConfigurationFactory.Reference()).GetConfig("remoteio.pins");
        var reader = new PinsConfigReader(section, "remoteio.pins");
        var settings = new PinsSettings
        {
            DefaultMode = reader.Mode("default-mode", Default.DefaultMode),
            Shutdown = reader.Shutdown("shutdown", Default.Shutdown),
            DrainTimeout = reader.Duration("drain-timeout", Default.DrainTimeout),
            DefaultSafeLevel = reader.Level("default-safe-level", Default.DefaultSafeLevel),
            Pins = reader.PinSettings("pin-settings"),
            ExclusiveGroups = reader.ExclusiveGroups("exclusive-groups"),
            ObserverQueueCapacity = section.GetInt("observer-queue-capacity", Default.ObserverQueueCapacity),
            EdgeBufferCapacity = section.GetInt("edge-buffer-capacity", Default.EdgeBufferCapacity),
            MaxCommandDuration = reader.Duration("max-command-duration", Default.MaxCommandDuration),
            MaxPwmFrequencyHz = section.GetDouble("max-pwm-frequency", Default.MaxPwmFrequencyHz),
            HardwarePwm = reader.HardwarePwm("hardware-pwm", Default.HardwarePwm),
            PinctrlRoot = section.GetString("pinctrl-root", Default.PinctrlRoot)!,
            ServoPeriod = reader.Duration("servo.period", Default.ServoPeriod),
            ServoMinPulse = reader.Duration("servo.min-pulse", Default.ServoMinPulse),
            ServoMaxPulse = reader.Duration("servo.max-pulse", Default.ServoMaxPulse),
            Dispatcher = section.GetString("dispatcher", Default.Dispatcher)!,
            MaxPinRestarts = section.GetInt("pin-restarts.max-retries", Default.MaxPinRestarts),
            PinRestartWindow = reader.Duration("pin-restarts.within", Default.PinRestartWindow),
            StatesTimeout = reader.Duration("states-timeout", Default.StatesTimeout),
        };

        try
        {
            settings.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ConfigurationException(e.Message, e);
        }

        return settings;
    }

    /// <summary>The settings of <paramref name="gpio"/> (the defaults when it has none).</summary>
    /// <param name="gpio">A GPIO number.</param>
    /// <returns>Its settings.</returns>
    public PinSettings For(int gpio) => Pins.TryGetValue(gpio, out var pin) ? pin : new PinSettings { SafeLevel = DefaultSafeLevel };

    /// <summary>Returns a copy with another default mode.</summary>
    /// <param name="mode">Wait or nowait.</param>
    /// <returns>The settings.</returns>
    public PinsSettings WithDefaultMode(Mode mode) => this with { DefaultMode = mode };

    /// <summary>Returns a copy with another shutdown behaviour.</summary>
    /// <param name="shutdown">Drain or cut.</param>
    /// <returns>The settings.</returns>
    public PinsSettings WithShutdown(ShutdownBehavior shutdown) => this with { Shutdown = shutdown };

    /// <summary>Returns a copy with another drain timeout.</summary>
    /// <param name="timeout">A positive duration.</param>
    /// <returns>The settings.</returns>
    public PinsSettings WithDrainTimeout(TimeSpan timeout) => this with { DrainTimeout = timeout };

    /// <summary>Returns a copy with another default safe level.</summary>
    /// <param name="level">The level.</param>
    /// <returns>The settings.</returns>
    public PinsSettings WithDefaultSafeLevel(PinValue level) => this with { DefaultSafeLevel = level };

    /// <summary>Returns a copy with the settings of one GPIO added or replaced.</summary>
    /// <param name="gpio">The GPIO number.</param>
    /// <param name="pin">Its settings.</param>
    /// <returns>The settings.</returns>
    public PinsSettings WithPin(int gpio, PinSettings pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        return this with { Pins = new Dictionary<int, PinSettings>(Pins) { [gpio] = pin } };
    }

    /// <summary>Returns a copy with an exclusive group added.</summary>
    /// <param name="group">The group.</param>
    /// <returns>The settings.</returns>
    public PinsSettings WithExclusiveGroup(ExclusiveGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return this with { ExclusiveGroups = [.. ExclusiveGroups, group] };
    }

    /// <summary>Returns a copy with another default observer queue capacity.</summary>
    /// <param name="capacity">At least 1.</param>
    /// <returns>The settings.</returns>
    public PinsSettings WithObserverQueueCapacity(int capacity) => this with { ObserverQueueCapacity = capacity };

    /// <summary>Returns a copy with another edge buffer capacity.</summary>
    /// <param name="capacity">At least 1.</param>
    /// <returns>The settings.</returns>
    public PinsSettings WithEdgeBufferCapacity(int capacity) => this with { EdgeBufferCapacity = capacity };

    /// <summary>Returns a copy with another maximum command duration.</summary>
    /// <param name="duration">A positive duration.</param>
    /// <returns>The settings.</returns>
    public PinsSettings WithMaxCommandDuration(TimeSpan duration) => this with { MaxCommandDuration = duration };

    /// <summary>Returns a copy with hardware PWM on (auto) or off.</summary>
    /// <param name="mode">Auto or off.</param>
    /// <returns>The settings.</returns>
    public PinsSettings WithHardwarePwm(HardwarePwmMode mode) => this with { HardwarePwm = mode };

    /// <summary>Returns a copy with another debugfs pinctrl directory.</summary>
    /// <param name="root">The directory (tests point it at a fake tree).</param>
    /// <returns>The settings.</returns>
    public PinsSettings WithPinctrlRoot(string root) => this with { PinctrlRoot = root };

    /// <summary>Returns a copy whose pin actors run on another dispatcher.</summary>
    /// <param name="dispatcher">A configured dispatcher id.</param>
    /// <returns>The settings.</returns>
    public PinsSettings WithDispatcher(string dispatcher) => this with { Dispatcher = dispatcher };

    /// <summary>Returns a copy with another restart budget for pin actors.</summary>
    /// <param name="maxRestarts">Restarts allowed in the window (0: a fault takes the pin out of service).</param>
    /// <param name="window">The window.</param>
    /// <returns>The settings.</returns>
    public PinsSettings WithPinRestarts(int maxRestarts, TimeSpan window) => this with { MaxPinRestarts = maxRestarts, PinRestartWindow = window };

    /// <summary>Checks every setting, naming its key in the message.</summary>
    /// <exception cref="ArgumentException">A setting is out of range or inconsistent.</exception>
    public void Validate()
    {
        Require(DefaultMode is Mode.Wait or Mode.Nowait, $"remoteio.pins.default-mode = {DefaultMode}: use wait or nowait");
        Require(Enum.IsDefined(Shutdown), $"remoteio.pins.shutdown = {(int)Shutdown}: use drain or cut");
        Require(DrainTimeout > TimeSpan.Zero, $"remoteio.pins.drain-timeout = {DrainTimeout} must be positive");
        Require(ObserverQueueCapacity >= 1, $"remoteio.pins.observer-queue-capacity = {ObserverQueueCapacity} must be at least 1");
        Require(EdgeBufferCapacity >= 1, $"remoteio.pins.edge-buffer-capacity = {EdgeBufferCapacity} must be at least 1");
        Require(MaxCommandDuration > TimeSpan.Zero && MaxCommandDuration <= TimeSpan.FromDays(365), $"remoteio.pins.max-command-duration = {MaxCommandDuration} must be positive and at most 365 days");
        Require(MaxPwmFrequencyHz is > 0 and <= 1_000_000, $"remoteio.pins.max-pwm-frequency = {MaxPwmFrequencyHz} Hz is outside (0, 1000000]");
        Require(ServoMinPulse > TimeSpan.Zero && ServoMinPulse <= ServoMaxPulse && ServoMaxPulse < ServoPeriod, $"remoteio.pins.servo: need 0 < min-pulse ({ServoMinPulse}) <= max-pulse ({ServoMaxPulse}) < period ({ServoPeriod})");
        Require(!string.IsNullOrWhiteSpace(Dispatcher), "remoteio.pins.dispatcher must name a dispatcher");
        Require(Enum.IsDefined(HardwarePwm), $"remoteio.pins.hardware-pwm = {(int)HardwarePwm}: use auto or off");
        Require(!string.IsNullOrWhiteSpace(PinctrlRoot), "remoteio.pins.pinctrl-root must name a directory");
        Require(MaxPinRestarts >= 0, $"remoteio.pins.pin-restarts.max-retries = {MaxPinRestarts} must not be negative");
        Require(PinRestartWindow > TimeSpan.Zero, $"remoteio.pins.pin-restarts.within = {PinRestartWindow} must be positive");
        Require(StatesTimeout > TimeSpan.Zero, $"remoteio.pins.states-timeout = {StatesTimeout} must be positive");
        foreach (var (gpio, pin) in Pins)
        {
            Require(gpio >= 0, $"remoteio.pins.pin-settings: {gpio} is not a GPIO number");
            Require(pin.MaxOnTime is null || pin.MaxOnTime > TimeSpan.Zero, $"remoteio.pins.pin-settings.{gpio}.max-on-time = {pin.MaxOnTime} must be positive");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in ExclusiveGroups)
        {
            Require(!string.IsNullOrWhiteSpace(group.Name), "remoteio.pins.exclusive-groups: every group needs a name");
            Require(seen.Add(group.Name), $"remoteio.pins.exclusive-groups: the name \"{group.Name}\" is used twice");
            Require(group.Gpios.Count >= 2 && group.Gpios.Distinct().Count() == group.Gpios.Count && group.Gpios.All(g => g >= 0), $"remoteio.pins.exclusive-groups: group \"{group.Name}\" needs at least two distinct GPIO numbers, got [{string.Join(", ", group.Gpios)}]");
        }
    }

    /// <summary>Throws with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
