using RemoteIo.Actors.Gpio.Simulation;
using RemoteIo.Actors.Gpio.Timing;
using RemoteIo.TestKit;

namespace RemoteIo.Actors.Gpio.Tests.Timing;

/// <summary>
/// A simulated chip, a controller and an edge scheduler on one manual clock: edges land in the
/// transition log at exact virtual times. Times in tests are milliseconds from the clock's origin.
/// </summary>
public sealed class VirtualBench : IDisposable
{
    /// <summary>Nanoseconds per millisecond.</summary>
    public const long Ms = 1_000_000;

    /// <summary>Creates the bench with the given scheduler settings.</summary>
    /// <param name="options">Timing settings; defaults when null.</param>
    public VirtualBench(EdgeSchedulerOptions? options = null)
    {
        Chip = new SimulatedGpioChip(Clock, transitionLogCapacity: 1 << 20);
        Controller = new GpioController(new SimulatedGpioDriver(Chip), "bench");
        Scheduler = EdgeScheduler.Create(Controller, Clock, options, Listener);
    }

    /// <summary>The virtual clock.</summary>
    public ManualTimeProvider Clock { get; } = new();

    /// <summary>The simulated chip.</summary>
    public SimulatedGpioChip Chip { get; }

    /// <summary>The controller.</summary>
    public GpioController Controller { get; }

    /// <summary>The scheduler under test.</summary>
    public EdgeScheduler Scheduler { get; }

    /// <summary>Waveform ends.</summary>
    public RecordingWaveformListener Listener { get; } = new();

    /// <summary>Opens outputs (low) and clears the log of their set-up.</summary>
    /// <param name="lines">The lines.</param>
    public void Outputs(params int[] lines)
    {
        foreach (var line in lines)
        {
            Controller.OpenPin(line, PinMode.Output);
        }

        Chip.ClearTransitions();
    }

    /// <summary>Moves the clock to <paramref name="milliseconds"/> from its origin, firing every edge on the way.</summary>
    /// <param name="milliseconds">The target time.</param>
    public void AdvanceTo(double milliseconds) => Clock.AdvanceTo(TimeSpan.FromMilliseconds(milliseconds));

    /// <summary>The transitions of a line as (ms, level) pairs.</summary>
    /// <param name="line">The line.</param>
    /// <returns>The pairs.</returns>
    public (double Ms, int Level)[] Trace(int line) =>
        [.. Chip.Transitions(line).Select(t => ((double)t.TimestampNanoseconds / Ms, t.Level.AsInt))];

    /// <inheritdoc />
    public void Dispose()
    {
        Scheduler.Dispose();
        Controller.Dispose();
    }
}
