using RemoteIo.Actors.Gpio.Linux;
using RemoteIo.Actors.Gpio.Simulation;

namespace RemoteIo.Actors.Gpio;

/// <summary>
/// Chooses and opens the GPIO driver from <see cref="GpioOptions"/>: the character device when
/// asked or (auto) when a /dev/gpiochip* exists, the simulated chip otherwise — and says which and
/// why in one log line, so a user who expected real pins sees at once that they got a simulation.
/// </summary>
public static class GpioDriverFactory
{
    /// <summary>Opens the driver.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="clock">The clock (the simulation stamps and debounces on it; the kernel uses CLOCK_MONOTONIC).</param>
    /// <param name="log">Receives the one-line choice; may be null.</param>
    /// <returns>The driver.</returns>
    /// <exception cref="GpioNotFoundException">chardev was asked for and there is no such chip.</exception>
    /// <exception cref="GpioPermissionException">A chip exists but cannot be opened (the simulation is never a silent fallback for that).</exception>
    public static GpioDriver Create(GpioOptions options, TimeProvider clock, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        options.Validate();
        switch (options.Driver)
        {
            case GpioDriverKind.Simulated:
                return Simulated(options, clock, log, "remoteio.gpio.driver = simulated");
            case GpioDriverKind.Chardev:
                return Chardev(options, log, "remoteio.gpio.driver = chardev");
            default:
                var chips = ChardevGpioDriver.ChipPaths(options.DevDirectory);
                return chips.Count > 0
                    ? Chardev(options, log, $"remoteio.gpio.driver = auto and {string.Join(", ", chips)} exist(s)")
                    : Simulated(options, clock, log, $"remoteio.gpio.driver = auto and there is no gpiochip in {options.DevDirectory}");
        }
    }

    /// <summary>Opens the simulated chip.</summary>
    private static SimulatedGpioDriver Simulated(GpioOptions options, TimeProvider clock, Action<string>? log, string why)
    {
        var chip = new SimulatedGpioChip(clock, options.Simulation.TransitionLogCapacity, options.SimulatedLineCount);
        foreach (var wire in options.Simulation.Wires)
        {
            chip.Connect(wire.From, wire.To);
        }

        var driver = new SimulatedGpioDriver(chip);
        var wires = options.Simulation.Wires.Count == 0 ? string.Empty : $"; wired {string.Join(", ", options.Simulation.Wires)}";
        log?.Invoke($"GPIO driver: {driver.Description} — {why}; pins are simulated, no hardware is driven{wires}");
        return driver;
    }

    /// <summary>Opens the configured chip, or the header chip.</summary>
    private static ChardevGpioDriver Chardev(GpioOptions options, Action<string>? log, string why)
    {
        ChardevGpioDriver driver;
        string which;
        if (string.IsNullOrWhiteSpace(options.Chip))
        {
            driver = ChardevGpioDriver.OpenDefault(options.DevDirectory, out which);
        }
        else
        {
            driver = ChardevGpioDriver.Open(options.Chip, options.DevDirectory);
            which = $"remoteio.gpio.chip = {options.Chip}";
        }

        log?.Invoke($"GPIO driver: {driver.Description} — {why}; chip chosen because {which}");
        return driver;
    }
}
