using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Timing;

namespace RemoteIo.Actors.Pins;

/// <summary>
/// The host's view of its GPIO driver: everything is passed to the real driver, and in addition
/// every level change the host writes to one of its outputs is raised as an edge event (stamped on
/// the host's clock right after the write), so an output someone drives can be observed exactly
/// like an input. Drivers report edges of inputs only; this is what lets <c>remoteio watch 17</c>
/// follow a relay another client switches. Raising an edge nobody listens to costs a table lookup;
/// nothing is allocated per write.
/// </summary>
internal sealed class EchoingGpioDriver : GpioDriver, IGpioEdgeListener
{
    /// <summary>The real driver, through a controller of its own (the hooks of another driver are not callable from here).</summary>
    private readonly GpioController _inner;

    /// <summary>The clock edges are stamped on.</summary>
    private readonly TimeProvider _clock;

    /// <summary>Per line, the last level written: -1 unknown, 0 low, 1 high.</summary>
    private readonly int[] _levels;

    /// <summary>Echoed edges so far (the event's driver-wide sequence).</summary>
    private long _sequence;

    /// <summary>Wraps <paramref name="driver"/>.</summary>
    /// <param name="driver">The host's real driver (not disposed with this one).</param>
    /// <param name="consumer">The consumer label the real driver's lines get.</param>
    /// <param name="clock">The clock of the echoed edges' stamps (the host's).</param>
    public EchoingGpioDriver(GpioDriver driver, string consumer, TimeProvider clock)
    {
        Inner = driver;
        _inner = new GpioController(driver, consumer, ownsDriver: false);
        _clock = clock;
        _levels = new int[driver.LineCount];
        Array.Fill(_levels, -1);
    }

    /// <summary>The real driver.</summary>
    public GpioDriver Inner { get; }

    /// <inheritdoc />
    public override string Description => Inner.Description;

    /// <inheritdoc />
    public override ChipInfo ChipInfo => Inner.ChipInfo;

    /// <summary>Passes an input edge of the real driver on.</summary>
    /// <param name="edge">The event.</param>
    public void OnEdge(in GpioEdgeEvent edge) => RaiseEdge(edge);

    /// <inheritdoc />
    protected override void RequestLines(ReadOnlySpan<int> lines, LineSettings settings, string consumer)
    {
        _inner.OpenLines(lines, settings);
        foreach (var line in lines)
        {
            _inner.AddEdgeListener(line, this);
            Volatile.Write(ref _levels[line], settings.Direction == LineDirection.Output ? settings.InitialValue.AsInt : -1);
        }
    }

    /// <inheritdoc />
    protected override void ReconfigureLine(int line, LineSettings settings)
    {
        _inner.Reconfigure(line, settings);
        Volatile.Write(ref _levels[line], settings.Direction == LineDirection.Output ? _inner.Read(line).AsInt : -1);
    }

    /// <inheritdoc />
    protected override void ReleaseLine(int line)
    {
        Volatile.Write(ref _levels[line], -1);
        _inner.ClosePin(line);
    }

    /// <inheritdoc />
    protected override PinValue ReadLine(int line) => _inner.Read(line);

    /// <inheritdoc />
    protected override void WriteLine(int line, PinValue value)
    {
        _inner.Write(line, value);
        Echo(line, value, ClockTime.NowNanoseconds(_clock));
    }

    /// <inheritdoc />
    protected override void WriteLines(ReadOnlySpan<PinValuePair> values)
    {
        _inner.Write(values);
        var now = ClockTime.NowNanoseconds(_clock);
        foreach (var pair in values)
        {
            Echo(pair.Line, pair.Value, now);
        }
    }

    /// <inheritdoc />
    protected override LineInfo GetLineInfo(int line) => _inner.GetLineInfo(line);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Raises an edge when a write changed the line's level.</summary>
    private void Echo(int line, PinValue value, long timestamp)
    {
        var level = value.AsInt;
        if (Interlocked.Exchange(ref _levels[line], level) is var previous && previous == level)
        {
            return;
        }

        var sequence = Interlocked.Increment(ref _sequence);
        RaiseEdge(new GpioEdgeEvent(line, level == 1 ? PinEventTypes.Rising : PinEventTypes.Falling, timestamp, sequence, sequence));
    }
}
