using RemoteIo.Actors.Gpio.Simulation;

namespace RemoteIo.Actors.Gpio;

/// <summary>Settings of the simulated chip (HOCON <c>remoteio.gpio.simulation</c>).</summary>
public sealed record GpioSimulationOptions
{
    /// <summary>The defaults documented in reference.conf.</summary>
    public static GpioSimulationOptions Default { get; } = new();

    /// <summary>How many transitions the log keeps before the oldest are overwritten (<c>transition-log-capacity</c>).</summary>
    public int TransitionLogCapacity { get; init; } = SimulatedGpioChip.DefaultTransitionLogCapacity;

    /// <summary>Where the host writes the transition log on request and at shutdown; empty: nowhere (<c>transition-log-path</c>).</summary>
    public string TransitionLogPath { get; init; } = string.Empty;

    /// <summary>Returns a copy with another log capacity.</summary>
    /// <param name="capacity">Entries, at least 1.</param>
    /// <returns>The options.</returns>
    public GpioSimulationOptions WithTransitionLogCapacity(int capacity) => this with { TransitionLogCapacity = capacity };

    /// <summary>Returns a copy with another log path.</summary>
    /// <param name="path">The file; empty for none.</param>
    /// <returns>The options.</returns>
    public GpioSimulationOptions WithTransitionLogPath(string path) => this with { TransitionLogPath = path };

    /// <summary>Checks the settings, naming the HOCON key in the message.</summary>
    /// <exception cref="GpioInvalidArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        if (TransitionLogCapacity < 1)
        {
            throw new GpioInvalidArgumentException($"remoteio.gpio.simulation.transition-log-capacity = {TransitionLogCapacity} must be at least 1");
        }

        ArgumentNullException.ThrowIfNull(TransitionLogPath);
    }
}
