using BenchmarkDotNet.Attributes;
using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Simulation;
using RemoteIo.Actors.Gpio.Timing;

namespace RemoteIo.Bench.Gpio;

/// <summary>The per-edge costs: a controller write to the simulated chip (with its log entry), and computing a waveform's next edge.</summary>
[MemoryDiagnoser]
public class GpioMicroBenchmarks
{
    /// <summary>A controller on a simulated chip with line 17 as output.</summary>
    private GpioController _controller = null!;

    /// <summary>A 1 kHz PWM waveform.</summary>
    private Waveform _pwm;

    /// <summary>A 1 s / 1 s fade at 100 Hz.</summary>
    private Waveform _fade;

    /// <summary>The next level to write.</summary>
    private bool _level;

    /// <summary>The time at which the waveforms are evaluated.</summary>
    private long _time;

    [GlobalSetup]
    public void Setup()
    {
        _controller = new GpioController(new SimulatedGpioDriver(new SimulatedGpioChip(TimeProvider.System, 1 << 16)), "micro");
        _controller.OpenPin(17, PinMode.Output);
        _pwm = Waveform.Pwm(1000, 0.3, 0);
        _fade = Waveform.Fade(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(10), 0);
    }

    [GlobalCleanup]
    public void Cleanup() => _controller.Dispose();

    [Benchmark]
    public void SimulatedWrite()
    {
        _level = !_level;
        _controller.Write(17, _level);
    }

    [Benchmark]
    public long PwmNextEdge()
    {
        _time += 123_457;
        return _pwm.Evaluate(_time, out _);
    }

    [Benchmark]
    public long FadeNextEdge()
    {
        _time += 123_457;
        return _fade.Evaluate(_time, out _);
    }
}
