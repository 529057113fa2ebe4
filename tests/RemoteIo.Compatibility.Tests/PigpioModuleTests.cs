using RemoteIo.Compatibility.Tests.Support;

namespace RemoteIo.Compatibility.Tests;

/// <summary>
/// Debian's pigpio Python module (python3-pigpio) against the host's pigpio endpoint: every call is
/// a pins request, and the simulated chip's transition log shows what reached the pins. The host's
/// clock is virtual and follows real time, so the widths and periods the host times are exact.
/// </summary>
public sealed class PigpioModuleTests(WaitHostFixture fixture) : IClassFixture<WaitHostFixture>
{
    private readonly CompatHost _host = fixture.Host;

    [Fact]
    public async Task PigpioModule_Basics_ReadWriteModePullPwmServoAndErrorCodesOnTheRealPins()
    {
        var signal = await _host.RecordAsync(23, () => _host.Pigpio("basics", "--output", "23", "--input", "24", "--hold", "step"), holds: 2, holdMs: 100);

        // write(1), write(0), then PWM 250/1000 at 100 Hz (2.5 ms of every 10 ms), then servo 1500 µs every 20 ms, each held 100 ms.
        Assert.Equal([1, 0], signal.Levels.Take(2));
        var runs = signal.Runs(tolerance: 0.001, minLength: 4);
        Assert.True(runs.Count == 2 && runs[0].Count >= 9 && runs[1].Count >= 4, $"expected 10 PWM and 5 servo pulses (one may be stretched by the hand-over); signal: {signal}");
        Assert.All(runs[0], p => Assert.Equal(2.5, p.WidthMs, 6));
        Assert.All(Signal.Periods(runs[0]), period => Assert.Equal(10, period, 6));
        Assert.All(runs[1], p => Assert.Equal(1.5, p.WidthMs, 6));
        Assert.All(Signal.Periods(runs[1]), period => Assert.Equal(20, period, 6));
        Assert.False(signal.EndsHigh);
        Assert.False(_host.Chip.GetLevel(23).IsHigh);
    }

    [Fact]
    public async Task PigpioModule_CallbackThroughWire_RisingAndFallingEdgesWithTheHostsTicks()
    {
        _host.Chip.Connect(20, 22);
        try
        {
            var since = _host.NowNanoseconds;
            await using var script = _host.Pigpio("callback", "--input", "22", "--drive", "20", "--hold", "step");

            // GPIO 20 stays high for 50 ms of host time, then goes low again.
            await script.WaitForLineAsync("HOLD");
            _host.Clock.Advance(TimeSpan.FromMilliseconds(50));
            await script.SendLineAsync("go");
            string output;
            try
            {
                output = await script.PassAsync();
            }
            catch (Exception failure)
            {
                // Whether the edges happened at the host tells a lost notification from a lost write.
                throw new Xunit.Sdk.XunitException($"{failure.Message}\nGPIO 22 at the host: {Timeline(22, since)}\nGPIO 20 at the host: {Timeline(20, since)}");
            }

            var edges = output.Split('\n').Single(l => l.StartsWith("EDGES ", StringComparison.Ordinal))[6..].Trim().Split(' ');
            var log = _host.Transitions(22, since);
            Assert.Equal([1, 0], log.Select(CompatHost.Bit));
            Assert.True(log[1].TimestampNanoseconds - log[0].TimestampNanoseconds >= 50_000_000);
            // The tick of each reported edge is the host's timestamp of the change, in µs.
            Assert.Equal(
                log.Select(t => $"{CompatHost.Bit(t)}:{unchecked((uint)(t.TimestampNanoseconds / 1000))}"),
                edges);
        }
        finally
        {
            _host.Chip.Disconnect(22);
        }
    }

    [Fact]
    public async Task PigpioModule_TwoClientsOneOutput_SecondGetsGpioInUseUntilTheFirstLeaves()
    {
        var signal = await _host.RecordAsync(17, () => _host.Pigpio("in-use", "--output", "17"));

        // The first client's high, its release to the safe level when it left; the second's write(0) changes nothing.
        Assert.Equal([1, 0], signal.Levels);
    }

    /// <summary>A GPIO's transitions since a host time, as level@nanoseconds.</summary>
    private string Timeline(int gpio, long sinceNanoseconds) =>
        string.Join(' ', _host.Transitions(gpio, sinceNanoseconds).Select(t => $"{CompatHost.Bit(t)}@{t.TimestampNanoseconds}"));
}
