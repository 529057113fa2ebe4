using RemoteIo.Compatibility.Tests.Support;

namespace RemoteIo.Compatibility.Tests;

/// <summary>
/// Debian's gpiozero (python3-gpiozero) with GPIOZERO_PIN_FACTORY=pigpio, PIGPIO_ADDR and
/// PIGPIO_PORT pointing at the host: the devices users write work unchanged, and the simulated
/// chip's transition log shows the signals. The host's clock is virtual and follows real time:
/// widths and periods the host times (PWM, servo) are exact; blink and fade steps, which gpiozero
/// times by sleeping in the client, are checked loosely.
/// </summary>
public sealed class GpiozeroTests(WaitHostFixture fixture) : IClassFixture<WaitHostFixture>
{
    private readonly CompatHost _host = fixture.Host;

    [Fact]
    public async Task Led_OnOffBlink_EdgesOnThePinAndReleasedLow()
    {
        var signal = await _host.RecordAsync(17, () => _host.Gpiozero("led", "--gpio", "17"));

        Assert.Equal([1, 0, 1, 0, 1, 0, 1, 0], signal.Levels);
        // gpiozero times the blink itself (50 ms on, 50 ms off, sleeping in the client): loosely checked.
        Assert.All(signal.Pulses.Skip(1), p => Assert.InRange(p.WidthMs, 20, 500));
        Assert.All(signal.Pulses.Skip(1).Zip(signal.Pulses.Skip(2)), p => Assert.InRange((p.Second.Rise - p.First.Rise) / 1e6, 50, 1000));
    }

    [Fact]
    public async Task PwmLed_ValueAndPulse_HundredHertzWithTheDutyAsked()
    {
        var signal = await _host.RecordAsync(18, () => _host.Gpiozero("pwmled", "--gpio", "18", "--hold", "step"), holds: 2, holdMs: 100);

        var runs = signal.Runs(tolerance: 0.001, minLength: 2);
        // value 0.5 then 0.25, each held 100 ms: 5 ms and 2.5 ms of every 10 ms.
        Assert.True(runs.Count >= 3, $"runs: {runs.Count}; signal: {signal}");
        // Each held 100 ms of host time: 10 periods, the first of a run perhaps stretched by the hand-over.
        Assert.True(runs[0].Count >= 9 && runs[1].Count >= 9, $"runs of {runs[0].Count} and {runs[1].Count}; signal: {signal}");
        Assert.All(runs[0], p => Assert.Equal(5.0, p.WidthMs, 6));
        Assert.All(runs[1], p => Assert.Equal(2.5, p.WidthMs, 6));
        Assert.All(Signal.Periods(runs[0]).Concat(Signal.Periods(runs[1])), period => Assert.Equal(10, period, 6));
        // pulse(0.2, 0.2): gpiozero steps the value 25 times a second (timed by the client), up to 1 and back to 0:
        // the pin goes beyond the held duties, and ends low.
        var fade = signal.Pulses.SkipWhile(p => !runs[1].Contains(p)).Skip(runs[1].Count).Select(p => p.WidthMs).ToList();
        Assert.True(fade.Count > 0 && fade.Max() > 5.5, $"the pulse never faded in: {string.Join(", ", fade)}");
        Assert.False(signal.EndsHigh);
    }

    [Fact]
    public async Task Button_WhenPressedAndWhenReleased_ThroughAWiredInput()
    {
        // GPIO 6 (resting high, its safe level) is wired to the button's GPIO 4: low presses it.
        _host.Chip.Connect(6, 4);
        try
        {
            var since = _host.NowNanoseconds;

            await CompatHost.PassAsync(_host.Gpiozero("button", "--gpio", "4", "--drive", "6"));

            Assert.Equal([0, 1], _host.Transitions(4, since).Select(CompatHost.Bit));
        }
        finally
        {
            _host.Chip.Disconnect(4);
        }
    }

    [Fact]
    public async Task Servo_MidMinMaxMid_FiftyHertzPulsesOfOneToTwoMilliseconds()
    {
        var signal = await _host.RecordAsync(12, () => _host.Gpiozero("servo", "--gpio", "12", "--hold", "step"), holds: 4, holdMs: 100);

        // gpiozero's Servo is PWM at 50 Hz: each position held 100 ms is a run of equal pulses 20 ms apart
        // (a pulse at the change from one position to the next may be longer: the new setting starts at once).
        var runs = signal.Runs(tolerance: 0.001, minLength: 4);
        Assert.Equal([1.5, 1.0, 2.0, 1.5], runs.Select(r => Math.Round(r.Average(p => p.WidthMs), 6)));
        Assert.All(runs.SelectMany(Signal.Periods), period => Assert.Equal(20, period, 6));
        Assert.False(signal.EndsHigh);
    }
}
