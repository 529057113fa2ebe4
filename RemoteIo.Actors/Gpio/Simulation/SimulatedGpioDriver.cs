namespace RemoteIo.Actors.Gpio.Simulation;

/// <summary>
/// A <see cref="GpioDriver"/> over a <see cref="SimulatedGpioChip"/>: one program's handle on the
/// simulated chip, as an open <c>/dev/gpiochipN</c> is on a real one. The default driver where no
/// GPIO chip exists; tests reach the "other side" of the pins through <see cref="Chip"/>.
/// </summary>
public sealed class SimulatedGpioDriver : GpioDriver
{
    /// <summary>Edges delivered through this driver so far; written under the chip's lock.</summary>
    private long _sequence;

    /// <summary>Opens a driver on a new BCM2835-style chip of its own, clocked by <paramref name="clock"/>.</summary>
    /// <param name="clock">The chip's clock; <see cref="TimeProvider.System"/> when null.</param>
    public SimulatedGpioDriver(TimeProvider? clock = null)
        : this(new SimulatedGpioChip(clock))
    {
    }

    /// <summary>Opens a driver on an existing chip (several drivers on one chip behave as several processes).</summary>
    /// <param name="chip">The chip.</param>
    public SimulatedGpioDriver(SimulatedGpioChip chip)
    {
        ArgumentNullException.ThrowIfNull(chip);
        Chip = chip;
    }

    /// <summary>The simulated chip: its log, wires, outside drives and buttons.</summary>
    public SimulatedGpioChip Chip { get; }

    /// <inheritdoc />
    public override string Description => $"simulated {Chip.Info.Label} ({Chip.LineCount} lines)";

    /// <inheritdoc />
    public override ChipInfo ChipInfo => Chip.Info;

    /// <summary>Delivers an edge the chip produced on a line this driver holds.</summary>
    /// <param name="edge">The event.</param>
    internal void Deliver(in GpioEdgeEvent edge) => RaiseEdge(edge);

    /// <summary>The next driver-wide sequence number; the chip calls it under its lock.</summary>
    /// <returns>1 for the first event.</returns>
    internal long NextSequence() => ++_sequence;

    /// <inheritdoc />
    protected internal override void RequestLines(ReadOnlySpan<int> lines, LineSettings settings, string consumer)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        Chip.Request(this, lines, settings, consumer);
    }

    /// <inheritdoc />
    protected internal override void ReconfigureLine(int line, LineSettings settings) => Chip.Reconfigure(this, line, settings);

    /// <inheritdoc />
    protected internal override void ReleaseLine(int line) => Chip.Release(this, line);

    /// <inheritdoc />
    protected internal override PinValue ReadLine(int line) => Chip.Read(this, line);

    /// <inheritdoc />
    protected internal override void WriteLine(int line, PinValue value) => Chip.Write(this, line, value);

    /// <inheritdoc />
    protected internal override void WriteLines(ReadOnlySpan<PinValuePair> values) => Chip.Write(this, values);

    /// <inheritdoc />
    protected internal override LineInfo GetLineInfo(int line) => Chip.GetLineInfo(line);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        Chip.ReleaseAll(this);
        base.Dispose(disposing);
    }
}
