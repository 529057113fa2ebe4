using RemoteIo.Actors.Gpio.Simulation;
using RemoteIo.Actors.Gpio.Timing;

namespace RemoteIo.Actors.Gpio;

/// <summary>
/// The GPIO layer's settings: the <c>remoteio.gpio</c> section of the HOCON configuration (every
/// key is documented in hocon/reference.conf). Property names are the keys in PascalCase, so the
/// host binds the section with Microsoft.Extensions.Configuration (kebab-case keys bind without
/// their dashes); durations arrive as HOCON strings ("200us") and are parsed by the host.
/// Immutable, with <c>WithX</c> variants.
/// </summary>
public sealed record GpioOptions
{
    /// <summary>The defaults documented in reference.conf.</summary>
    public static GpioOptions Default { get; } = new();

    /// <summary>auto | chardev | simulated (<c>driver</c>).</summary>
    public GpioDriverKind Driver { get; init; } = GpioDriverKind.Auto;

    /// <summary>The chip as a path (/dev/gpiochip0), a name (gpiochip0) or a label (pinctrl-bcm2711); empty picks the header chip (<c>chip</c>).</summary>
    public string Chip { get; init; } = string.Empty;

    /// <summary>Where gpiochip device nodes are looked for (<c>dev-directory</c>).</summary>
    public string DevDirectory { get; init; } = "/dev";

    /// <summary>The consumer label other programs see on the lines the host holds (<c>consumer</c>).</summary>
    public string Consumer { get; init; } = "remoteio";

    /// <summary>The sysfs PWM root (<c>pwm-root</c>).</summary>
    public string PwmRoot { get; init; } = "/sys/class/pwm";

    /// <summary>The pwmchip number of the header's hardware PWM; -1 finds it from the board model (<c>pwm-chip</c>).</summary>
    public int PwmChip { get; init; } = -1;

    /// <summary>A board model string that overrides detection, e.g. "Raspberry Pi 5"; empty detects (<c>model</c>).</summary>
    public string Model { get; init; } = string.Empty;

    /// <summary>The device-tree model file (<c>model-path</c>).</summary>
    public string ModelPath { get; init; } = Boards.BoardModel.DefaultModelPath;

    /// <summary>Lines of the simulated chip, 1..64; every one claimable by GPIO number there, 28 and up off the header (<c>simulated-line-count</c>).</summary>
    public int SimulatedLineCount { get; init; } = SimulatedGpioChip.Bcm2835LineCount;

    /// <summary>The simulated chip (<c>simulation { ... }</c>).</summary>
    public GpioSimulationOptions Simulation { get; init; } = GpioSimulationOptions.Default;

    /// <summary>The timing engine (<c>timing { ... }</c>).</summary>
    public EdgeSchedulerOptions Timing { get; init; } = EdgeSchedulerOptions.Default;

    /// <summary>Returns a copy with another driver.</summary>
    /// <param name="driver">The driver.</param>
    /// <returns>The options.</returns>
    public GpioOptions WithDriver(GpioDriverKind driver) => this with { Driver = driver };

    /// <summary>Returns a copy with another chip.</summary>
    /// <param name="chip">Path, name or label; empty for automatic.</param>
    /// <returns>The options.</returns>
    public GpioOptions WithChip(string chip) => this with { Chip = chip };

    /// <summary>Returns a copy with another device directory.</summary>
    /// <param name="devDirectory">The directory.</param>
    /// <returns>The options.</returns>
    public GpioOptions WithDevDirectory(string devDirectory) => this with { DevDirectory = devDirectory };

    /// <summary>Returns a copy with another consumer label.</summary>
    /// <param name="consumer">The label.</param>
    /// <returns>The options.</returns>
    public GpioOptions WithConsumer(string consumer) => this with { Consumer = consumer };

    /// <summary>Returns a copy with another PWM root.</summary>
    /// <param name="pwmRoot">The root.</param>
    /// <returns>The options.</returns>
    public GpioOptions WithPwmRoot(string pwmRoot) => this with { PwmRoot = pwmRoot };

    /// <summary>Returns a copy with another PWM chip number.</summary>
    /// <param name="pwmChip">The number, or -1 for automatic.</param>
    /// <returns>The options.</returns>
    public GpioOptions WithPwmChip(int pwmChip) => this with { PwmChip = pwmChip };

    /// <summary>Returns a copy with a model override.</summary>
    /// <param name="model">The model string; empty to detect.</param>
    /// <returns>The options.</returns>
    public GpioOptions WithModel(string model) => this with { Model = model };

    /// <summary>Returns a copy with another model file.</summary>
    /// <param name="modelPath">The path.</param>
    /// <returns>The options.</returns>
    public GpioOptions WithModelPath(string modelPath) => this with { ModelPath = modelPath };

    /// <summary>Returns a copy with other simulation settings.</summary>
    /// <param name="simulation">The settings.</param>
    /// <returns>The options.</returns>
    public GpioOptions WithSimulation(GpioSimulationOptions simulation) => this with { Simulation = simulation };

    /// <summary>Returns a copy whose simulated chip has <paramref name="lineCount"/> lines.</summary>
    /// <param name="lineCount">1..64.</param>
    /// <returns>The options.</returns>
    public GpioOptions WithSimulatedLineCount(int lineCount) => this with { SimulatedLineCount = lineCount };

    /// <summary>Returns a copy with other timing settings.</summary>
    /// <param name="timing">The settings.</param>
    /// <returns>The options.</returns>
    public GpioOptions WithTiming(EdgeSchedulerOptions timing) => this with { Timing = timing };

    /// <summary>Checks every setting, naming its HOCON key in the message.</summary>
    /// <exception cref="GpioInvalidArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Driver))
        {
            throw new GpioInvalidArgumentException($"remoteio.gpio.driver = {(int)Driver} is not one of auto, chardev, simulated");
        }

        if (string.IsNullOrWhiteSpace(DevDirectory) || string.IsNullOrWhiteSpace(PwmRoot) || string.IsNullOrWhiteSpace(ModelPath))
        {
            throw new GpioInvalidArgumentException("remoteio.gpio.dev-directory, pwm-root and model-path must not be empty");
        }

        if (Consumer is null || Consumer.Length is 0 or > GpioController.MaxConsumerLength)
        {
            throw new GpioInvalidArgumentException($"remoteio.gpio.consumer must be 1..{GpioController.MaxConsumerLength} characters");
        }

        if (PwmChip < -1)
        {
            throw new GpioInvalidArgumentException($"remoteio.gpio.pwm-chip = {PwmChip}: use -1 (automatic) or a chip number");
        }

        if (SimulatedLineCount is < 1 or > SimulatedGpioChip.MaxLineCount)
        {
            throw new GpioInvalidArgumentException($"remoteio.gpio.simulated-line-count = {SimulatedLineCount}: a simulated chip has 1..{SimulatedGpioChip.MaxLineCount} lines");
        }

        ArgumentNullException.ThrowIfNull(Simulation);
        Simulation.Validate(SimulatedLineCount);
        ArgumentNullException.ThrowIfNull(Timing);
        Timing.Validate();
    }
}
