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

    /// <summary>
    /// Jumper wires between simulated lines (<c>wires</c>): each target follows its source while
    /// nothing drives the target itself, so an output a client drives makes edges on an input
    /// others observe. Empty: no wires.
    /// </summary>
    public IReadOnlyList<SimulatedWire> Wires { get; init; } = [];

    /// <summary>Returns a copy with another log capacity.</summary>
    /// <param name="capacity">Entries, at least 1.</param>
    /// <returns>The options.</returns>
    public GpioSimulationOptions WithTransitionLogCapacity(int capacity) => this with { TransitionLogCapacity = capacity };

    /// <summary>Returns a copy with another log path.</summary>
    /// <param name="path">The file; empty for none.</param>
    /// <returns>The options.</returns>
    public GpioSimulationOptions WithTransitionLogPath(string path) => this with { TransitionLogPath = path };

    /// <summary>Returns a copy with these wires (replacing any configured before).</summary>
    /// <param name="wires">The wires; each target at most once.</param>
    /// <returns>The options.</returns>
    public GpioSimulationOptions WithWires(params IEnumerable<SimulatedWire> wires) => this with { Wires = [.. wires] };

    /// <summary>Checks the settings for a chip of the BCM2835's 54 lines, naming the HOCON key in the message.</summary>
    /// <exception cref="GpioInvalidArgumentException">A setting is out of range.</exception>
    public void Validate() => Validate(SimulatedGpioChip.Bcm2835LineCount);

    /// <summary>Checks the settings for a chip of <paramref name="lineCount"/> lines (<c>remoteio.gpio.simulated-line-count</c>), naming the HOCON key in the message.</summary>
    /// <param name="lineCount">The simulated chip's lines: wires must stay within them.</param>
    /// <exception cref="GpioInvalidArgumentException">A setting is out of range.</exception>
    public void Validate(int lineCount)
    {
        if (TransitionLogCapacity < 1)
        {
            throw new GpioInvalidArgumentException($"remoteio.gpio.simulation.transition-log-capacity = {TransitionLogCapacity} must be at least 1");
        }

        ArgumentNullException.ThrowIfNull(TransitionLogPath);
        ArgumentNullException.ThrowIfNull(Wires);
        var targets = new HashSet<int>();
        for (var i = 0; i < Wires.Count; i++)
        {
            var wire = Wires[i];
            var problem = wire switch
            {
                _ when (uint)wire.From >= (uint)lineCount || (uint)wire.To >= (uint)lineCount
                    => $"the simulated chip has lines 0..{lineCount - 1} (remoteio.gpio.simulated-line-count = {lineCount})",
                _ when wire.From == wire.To => "a line cannot be wired to itself",
                _ when !targets.Add(wire.To) => $"line {wire.To} already has a wire into it (a line follows one source)",
                _ => null,
            };
            if (problem is not null)
            {
                throw new GpioInvalidArgumentException($"remoteio.gpio.simulation.wires[{i}] = \"{wire}\": {problem}");
            }
        }
    }
}
