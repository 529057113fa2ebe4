using RemoteIo.Actors.Gpio.Pwm;
using RemoteIo.Actors.Gpio.Tests.Timing;
using Xunit;

namespace RemoteIo.Actors.Gpio.Tests.Pwm;

/// <summary>Software PWM through the edge scheduler, measured from the simulated log on the manual clock.</summary>
public sealed class SoftwarePwmChannelTests : IDisposable
{
    /// <summary>Nanoseconds per millisecond.</summary>
    private const long Ms = VirtualBench.Ms;

    /// <summary>The output line.</summary>
    private const int Line = 22;

    /// <summary>Chip, controller, scheduler and clock.</summary>
    private readonly VirtualBench _bench = new();

    public SoftwarePwmChannelTests() => _bench.Outputs(Line);

    [Fact]
    public void Start_100Hz_HalfDuty_EdgesOnTheTenMillisecondGrid()
    {
        using var pwm = new SoftwarePwmChannel(_bench.Scheduler, Line);
        _bench.AdvanceTo(5);
        pwm.Start();
        _bench.AdvanceTo(35);
        Assert.Equal([(5.0, 1), (10.0, 0), (15.0, 1), (20.0, 0), (25.0, 1), (30.0, 0), (35.0, 1)], _bench.Trace(Line));
        Assert.True(pwm.IsRunning);
    }

    [Fact]
    public void DutyCycle_ChangedMidPeriod_KeepsThePhaseGrid()
    {
        using var pwm = new SoftwarePwmChannel(_bench.Scheduler, Line, frequency: 100, dutyCycle: 0.5);
        pwm.Start();
        _bench.AdvanceTo(12);
        pwm.DutyCycle = 0.1;
        _bench.AdvanceTo(30);
        Assert.Equal([(0.0, 1), (5.0, 0), (10.0, 1), (12.0, 0), (20.0, 1), (21.0, 0), (30.0, 1)], _bench.Trace(Line));
    }

    [Fact]
    public void Frequency_Changed_StartsANewGridNow()
    {
        using var pwm = new SoftwarePwmChannel(_bench.Scheduler, Line, frequency: 100, dutyCycle: 0.5);
        pwm.Start();
        _bench.AdvanceTo(7);
        pwm.Frequency = 1000;
        _bench.AdvanceTo(9);
        Assert.Equal([(0.0, 1), (5.0, 0), (7.0, 1), (7.5, 0), (8.0, 1), (8.5, 0), (9.0, 1)], _bench.Trace(Line));
    }

    [Fact]
    public void Stop_Running_LeavesTheLineLowAndStopsTheEdges()
    {
        var pwm = new SoftwarePwmChannel(_bench.Scheduler, Line, frequency: 100, dutyCycle: 0.5);
        pwm.Start();
        _bench.AdvanceTo(3);
        pwm.Dispose();
        _bench.AdvanceTo(100);
        Assert.Equal([(0.0, 1), (3.0, 0)], _bench.Trace(Line));
        Assert.False(pwm.IsRunning);
        Assert.False(_bench.Scheduler.IsActive(Line));
    }

    [Fact]
    public void Create_BadArguments_RefusedClearly()
    {
        Assert.Throws<GpioInvalidArgumentException>(() => new SoftwarePwmChannel(_bench.Scheduler, Line, frequency: 0));
        Assert.Throws<GpioInvalidArgumentException>(() => new SoftwarePwmChannel(_bench.Scheduler, Line, frequency: 2_000_000));
        Assert.Throws<GpioInvalidArgumentException>(() => new SoftwarePwmChannel(_bench.Scheduler, Line, dutyCycle: -0.1));
        Assert.Throws<GpioInvalidArgumentException>(() => new SoftwarePwmChannel(_bench.Scheduler, 23));
        using var pwm = new SoftwarePwmChannel(_bench.Scheduler, Line);
        Assert.Throws<GpioInvalidArgumentException>(() => pwm.Frequency = 5_000_000);
        Assert.Equal(100, pwm.Frequency);
    }

    public void Dispose() => _bench.Dispose();
}
