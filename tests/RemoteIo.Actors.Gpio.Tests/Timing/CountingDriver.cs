using RemoteIo.Actors.Gpio.Simulation;

namespace RemoteIo.Actors.Gpio.Tests.Timing;

/// <summary>A driver over a simulated chip that counts single and multi-line writes and can run a hook after each written line.</summary>
public sealed class CountingDriver(SimulatedGpioChip chip) : GpioDriver
{
    /// <summary>The real driver.</summary>
    private readonly SimulatedGpioDriver _inner = new(chip);

    /// <summary>Calls of <see cref="WriteLine"/>.</summary>
    public int SingleWrites { get; private set; }

    /// <summary>Calls of <see cref="WriteLines"/>.</summary>
    public int MultiWrites { get; private set; }

    /// <summary>Called with each line right after it was written (a test makes a write slow here).</summary>
    public Action<int>? AfterWrite { get; set; }

    /// <inheritdoc />
    public override string Description => "counting " + _inner.Description;

    /// <inheritdoc />
    public override ChipInfo ChipInfo => _inner.ChipInfo;

    /// <summary>Zeroes the counters.</summary>
    public void Reset() => (SingleWrites, MultiWrites) = (0, 0);

    /// <inheritdoc />
    protected internal override void RequestLines(ReadOnlySpan<int> lines, LineSettings settings, string consumer) => _inner.RequestLines(lines, settings, consumer);

    /// <inheritdoc />
    protected internal override void ReconfigureLine(int line, LineSettings settings) => _inner.ReconfigureLine(line, settings);

    /// <inheritdoc />
    protected internal override void ReleaseLine(int line) => _inner.ReleaseLine(line);

    /// <inheritdoc />
    protected internal override PinValue ReadLine(int line) => _inner.ReadLine(line);

    /// <inheritdoc />
    protected internal override void WriteLine(int line, PinValue value)
    {
        SingleWrites++;
        _inner.WriteLine(line, value);
        AfterWrite?.Invoke(line);
    }

    /// <inheritdoc />
    protected internal override void WriteLines(ReadOnlySpan<PinValuePair> values)
    {
        MultiWrites++;
        _inner.WriteLines(values);
        foreach (var pair in values)
        {
            AfterWrite?.Invoke(pair.Line);
        }
    }

    /// <inheritdoc />
    protected internal override LineInfo GetLineInfo(int line) => _inner.GetLineInfo(line);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        _inner.Dispose();
        base.Dispose(disposing);
    }
}
