using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Simulation;

namespace RemoteIo.Actors.Pins.Tests.Support;

/// <summary>
/// A driver over the simulated chip whose writes can be made to fail on one line, the way a
/// real driver fails (an I/O error from the kernel): the fault happens inside the edge scheduler's
/// write, deep under the pin actor, exactly where a real one would.
/// </summary>
public sealed class FaultyGpioDriver : GpioDriver, IGpioEdgeListener
{
    private readonly GpioController _inner;
    private int _failLine = -1;
    private int _failuresLeft;

    public FaultyGpioDriver(SimulatedGpioDriver inner)
    {
        Inner = inner;
        _inner = new GpioController(inner, "remoteio", ownsDriver: true);
    }

    public SimulatedGpioDriver Inner { get; }

    public override string Description => "faulty " + Inner.Description;

    public override ChipInfo ChipInfo => Inner.ChipInfo;

    /// <summary>The next <paramref name="count"/> writes to <paramref name="line"/> throw.</summary>
    public void FailWrites(int line, int count)
    {
        Volatile.Write(ref _failuresLeft, count);
        Volatile.Write(ref _failLine, line);
    }

    public void OnEdge(in GpioEdgeEvent edge) => RaiseEdge(edge);

    protected override void RequestLines(ReadOnlySpan<int> lines, LineSettings settings, string consumer)
    {
        _inner.OpenLines(lines, settings);
        foreach (var line in lines)
        {
            _inner.AddEdgeListener(line, this);
        }
    }

    protected override void ReconfigureLine(int line, LineSettings settings) => _inner.Reconfigure(line, settings);

    protected override void ReleaseLine(int line) => _inner.ClosePin(line);

    protected override PinValue ReadLine(int line) => _inner.Read(line);

    protected override void WriteLine(int line, PinValue value)
    {
        MaybeFail(line);
        _inner.Write(line, value);
    }

    protected override void WriteLines(ReadOnlySpan<PinValuePair> values)
    {
        foreach (var pair in values)
        {
            MaybeFail(pair.Line);
        }

        _inner.Write(values);
    }

    protected override LineInfo GetLineInfo(int line) => _inner.GetLineInfo(line);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void MaybeFail(int line)
    {
        if (line == Volatile.Read(ref _failLine) && Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new GpioException($"injected write fault on line {line} (EIO)") { Errno = 5 };
        }
    }
}
