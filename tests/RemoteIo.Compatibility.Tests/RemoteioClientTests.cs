using RemoteIo.Compatibility.Tests.Support;

namespace RemoteIo.Compatibility.Tests;

/// <summary>
/// A client written to remoteio's text protocol (tests/clients/remoteio_client.py, standard library
/// only) against the host's remoteio endpoint, in a wait-mode and a nowait-mode host. The host's
/// clock is virtual and follows real time (<see cref="ClockPump"/>): edges the host times itself are
/// exact to the nanosecond; where the client's own timing decides (its sleep before a nowait off),
/// the check allows for the client's sleep and round trips.
/// </summary>
public sealed class RemoteioClientTests(WaitHostFixture wait, NowaitHostFixture nowait) : IClassFixture<WaitHostFixture>, IClassFixture<NowaitHostFixture>
{
    /// <summary>Edges the host times are exact on its virtual clock; this only absorbs floating-point rounding.</summary>
    private const double ToleranceMs = 0.001;

    [Fact]
    public async Task SeedExample_WaitMode_EveryCommandRunsInOrderExactlyOnTheVirtualClock()
    {
        var host = wait.Host;
        var since = host.NowNanoseconds;

        await CompatHost.PassAsync(host.Remoteio("demo", "--numbering", "b", "--pin", "7"));

        host.AwaitReleased(4, TimeSpan.FromSeconds(10));
        var signal = new Signal(host.Transitions(4, since));
        var pulses = signal.Pulses;
        // on(2000), then blink() which the queued blink(1000, 0.1, 0.2) replaces at once: high for 2000 + 100 ms.
        Assert.InRange(pulses[0].WidthMs, 2100 - ToleranceMs, 2100 + ToleranceMs);
        // blink(1000, 0.1, 0.2) goes on: 100 ms high every 300 ms, from 2300 to 3000 ms.
        Assert.All(pulses.Skip(1).Take(3).Zip([2300.0, 2600.0, 2900.0]), p =>
        {
            Assert.InRange(signal.Ms(p.First.Rise), p.Second - ToleranceMs, p.Second + ToleranceMs);
            Assert.InRange(p.First.WidthMs, 100 - ToleranceMs, 100 + ToleranceMs);
        });
        // pulse() is replaced at once by value(500, 0.25): 100 Hz, 2.5 ms of every 10 ms, from 3000 to 3500 ms; then off.
        var value = pulses.Skip(4).ToList();
        Assert.Equal(50, value.Count);
        Assert.InRange(signal.Ms(value[0].Rise), 3000 - ToleranceMs, 3000 + ToleranceMs);
        Assert.All(value, p => Assert.InRange(p.WidthMs, 2.5 - ToleranceMs, 2.5 + ToleranceMs));
        Assert.All(value.Zip(value.Skip(1)), p => Assert.InRange((p.Second.Rise - p.First.Rise) / 1e6, 10 - ToleranceMs, 10 + ToleranceMs));
        Assert.InRange(signal.Ms(value[^1].Rise), 3490 - ToleranceMs, 3490 + ToleranceMs);
        Assert.False(signal.EndsHigh);
    }

    [Fact]
    public async Task SeedExample_NowaitMode_EachCommandReplacesTheRunningOneAtOnce()
    {
        // The host's clock stands still while the client sends: a command that waited for the one before
        // (on's 2000 ms, blink's 1000 ms) would never run. With the clock moving, a client slowed down by a
        // loaded machine let value()'s 2.5 ms PWM phase end before off() arrived (an extra pulse).
        var signal = await nowait.Host.RecordAsync(4, () => nowait.Host.Remoteio("demo", "--numbering", "g", "--pin", "4"), stopClock: true);

        // Each command cuts the one before at once, all at the same instant of host time. on and both
        // blinks start high (one rise); pulse() starts its fade at 0 (a fall); value(500, 0.25) starts a
        // PWM high phase; off ends it.
        Assert.Equal([1, 0, 1, 0], signal.Levels);
        Assert.All(signal.Transitions, t => Assert.Equal(signal.Start, t.TimestampNanoseconds));
    }

    [Theory]
    [InlineData("wait", 2000)]
    [InlineData("nowait", 200)]
    public async Task Impulse_OffSent200msAfterOn2000_WaitRunsTheWholeImpulseExactlyNowaitCutsItWhenTheOffArrives(string mode, int expectedMs)
    {
        var host = mode == "wait" ? wait.Host : nowait.Host;

        // The client holds 200 ms of host time between on(2000) and off(): the clock stands still while the
        // client runs and the test moves it at the hold, so the client's round trips take no host time.
        var signal = await host.RecordAsync(27, () => host.Remoteio("impulse", "--numbering", "g", "--pin", "27", "--hold-ms", "-1"), holds: 1, holdMs: 200, stopClock: true);

        Assert.Equal([1, 0], signal.Levels);
        // Wait: the host times the whole impulse. Nowait: the off cuts it when it arrives, after the hold. Both exact.
        Assert.InRange(signal.Pulses[0].WidthMs, expectedMs - ToleranceMs, expectedMs + ToleranceMs);
    }

    [Theory]
    [InlineData("wait", "busy")]
    [InlineData("wait", "closed")]
    [InlineData("nowait", "busy")]
    [InlineData("nowait", "closed")]
    [InlineData("wait", "malformed")]
    [InlineData("wait", "split")]
    public async Task Scenario_AnswersAsRemoteioDoes(string mode, string scenario)
    {
        var host = mode == "wait" ? wait.Host : nowait.Host;

        // The script checks every answer; the pin (board 11 = GPIO 17) must end released.
        var signal = await host.RecordAsync(17, () => host.Remoteio(scenario, "--numbering", "b", "--pin", "11"));

        Assert.False(signal.EndsHigh);
    }
}
