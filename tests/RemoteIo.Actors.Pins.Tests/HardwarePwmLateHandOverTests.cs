using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Simulation;
using RemoteIo.Actors.Gpio.Tests.Timing;
using RemoteIo.Actors.Pins.Tests.Support;
using RemoteIo.Actors.Protocol;
using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Pins.Tests;

/// <summary>
/// Hardware PWM when a hand-over comes late: one sysfs write takes time (the clock jumps inside it;
/// virtual time, no sleeps), so the actor applies a fresh command, or the channel's timer takes a
/// queued one over, after the instant they were planned for. As on the GPIO line, a command is then
/// delayed but runs its full duration; within the edge scheduler's 1 ms tolerance a queue still
/// chains exactly; an energised stretch under a max-on-time keeps its deadline. GPIO 18 uses
/// channel 0 of a simulated Raspberry Pi 4's pwmchip0; every sysfs write is stamped on the clock.
/// </summary>
public sealed class HardwarePwmLateHandOverTests : JumpingClockPinsKit
{
    private const int Pin = 18;

    private const string Isolate = "pinctrl/fe200000.gpio-pinctrl-bcm2711/pinmux-select=gpio12 gpio_in";

    private const string Route = "pinctrl/fe200000.gpio-pinctrl-bcm2711/pinmux-select=gpio18 alt5";

    /// <summary>The sysfs PWM and pinctrl files.</summary>
    private readonly FakePwmTree _tree;

    public HardwarePwmLateHandOverTests()
        : this(new JumpingClock(new ManualTimeProvider()))
    {
    }

    private HardwarePwmLateHandOverTests(JumpingClock clock)
        : base(clock)
    {
        _tree = new FakePwmTree(() => clock.ElapsedNanoseconds);
        var settings = PinsSettings.Default.WithPinctrlRoot(FakePwmTree.PinctrlRoot)
            .WithPin(19, new PinSettings { MaxOnTime = TimeSpan.FromMilliseconds(150) });
        Service = PinService.Start(
            Sys,
            new SimulatedGpioDriver(new SimulatedGpioChip(clock)),
            settings,
            gpio: GpioOptions.Default.WithModel("Raspberry Pi 4 Model B Rev 1.4").WithPwmRoot(FakePwmTree.PwmRoot),
            pwmFileSystem: _tree);
        _tree.Writes.Clear();
    }

    /// <summary>The pin domain.</summary>
    protected override PinService Service { get; }

    [Fact]
    public void Wait_RouteWriteTakes30MsAfterTheTimerWasArmed_TheQueuedValueStartsWhenAppliedAndRunsItsFull100Ms()
    {
        var client = CreateTestProbe();
        Claim(client, Pin);
        StallOnce(Route, TimeSpan.FromMilliseconds(30));

        var first = Cmd.Value(Pin, 100, 0.5);
        var second = Cmd.Value(Pin, 100, 0.75, 200);
        Send(client, first, second);
        Jumping.AdvanceTo(TimeSpan.FromMilliseconds(400));

        // The channel's timer fires at 100 ms on the clock it was armed on: 130 ms after the stall.
        Assert.Equal(
            [$"0 {Isolate}", "0 pwmchip0/pwm0/period=10000000", "0 pwmchip0/pwm0/duty_cycle=5000000", "0 pwmchip0/pwm0/enable=1", $"0 {Route}",
             "130 pwmchip0/pwm0/period=5000000", "130 pwmchip0/pwm0/duty_cycle=3750000", "230 pwmchip0/pwm0/enable=0"],
            _tree.Log());
        var outcomes = Finals(client, first, second);
        Assert.Equal([(OutcomeKind.Completed, 0L, 130_000_000L), (OutcomeKind.Completed, 130_000_000L, 230_000_000L)], outcomes);
        Assert.True(Service.Controller.IsPinOpen(Pin), "the line takes the pin back after the moved end");
    }

    [Fact]
    public void Wait_ActorStalledPastTheQueuedStartBeforeHandingItOver_StartsWhenAppliedWithoutDisablingInBetween()
    {
        var client = CreateTestProbe();
        Claim(client, Pin);
        StallOnce(Route, TimeSpan.FromMilliseconds(150));

        var first = Cmd.Value(Pin, 100, 0.5);
        var second = Cmd.Value(Pin, 40, 0.25);
        Send(client, first, second);
        Jumping.AdvanceTo(TimeSpan.FromMilliseconds(400));

        // The actor hands the second over at 150 ms, wholly past its planned 100..140: the first ends there, joined.
        Assert.Equal(["150 pwmchip0/pwm0/duty_cycle=2500000", "190 pwmchip0/pwm0/enable=0"], _tree.Log(1));
        Assert.Equal([(OutcomeKind.Completed, 0L, 150_000_000L), (OutcomeKind.Completed, 150_000_000L, 190_000_000L)], Finals(client, first, second));
    }

    [Fact]
    public void Wait_TimerWokeAfterTheWholeQueuedValue_StillRunsItsFullDuration()
    {
        var client = CreateTestProbe();
        Claim(client, Pin);
        Claim(client, 19);
        Send(client, Cmd.Value(19, 50, 0.5));

        // Disabling the other channel at 50 ms takes 150 ms: GPIO 18's timer, due at 100 ms, wakes at 250 ms.
        StallOnce("pwmchip0/pwm1/enable=0", TimeSpan.FromMilliseconds(150));
        var first = Cmd.Value(Pin, 100, 0.5);
        var second = Cmd.Value(Pin, 40, 0.25);
        Send(client, first, second);
        Jumping.AdvanceTo(TimeSpan.FromMilliseconds(400));

        Assert.Equal(["250 pwmchip0/pwm0/duty_cycle=2500000", "290 pwmchip0/pwm0/enable=0"], _tree.Log(1).Where(w => w.Contains("pwm0", StringComparison.Ordinal)));
        Assert.Equal([(OutcomeKind.Completed, 0L, 250_000_000L), (OutcomeKind.Completed, 250_000_000L, 290_000_000L)], Finals(client, first, second));
    }

    [Fact]
    public void Wait_HandOverFiveMillisecondsLate_KeepsThePlannedStartAndChainsExactly()
    {
        // Within the channel's 10 ms tolerance (its .NET timer is routinely a millisecond or two late).
        var client = CreateTestProbe();
        Claim(client, Pin);
        StallOnce(Route, TimeSpan.FromMilliseconds(5));

        var first = Cmd.Value(Pin, 100, 0.5);
        var second = Cmd.Value(Pin, 100, 0.75, 200);
        Send(client, first, second);
        Jumping.AdvanceTo(TimeSpan.FromMilliseconds(400));

        // Taken over within the tolerance: written at 105 ms, but on the planned grid (end at 200 ms).
        Assert.Equal(["105 pwmchip0/pwm0/period=5000000", "105 pwmchip0/pwm0/duty_cycle=3750000", "200 pwmchip0/pwm0/enable=0"], _tree.Log(1));
        Assert.Equal([(OutcomeKind.Completed, 0L, 100_000_000L), (OutcomeKind.Completed, 100_000_000L, 200_000_000L)], Finals(client, first, second));
    }

    [Fact]
    public void Value_IsolateWriteTakes30MsBeforeTheChannelStarts_StartsWhenAppliedAndRunsItsFull100Ms()
    {
        var client = CreateTestProbe();
        Claim(client, Pin);
        StallOnce(Isolate, TimeSpan.FromMilliseconds(30));

        var value = Cmd.Value(Pin, 100, 0.5);
        Send(client, value);
        Jumping.AdvanceTo(TimeSpan.FromMilliseconds(200));

        Assert.Equal(
            [$"0 {Isolate}", "30 pwmchip0/pwm0/period=10000000", "30 pwmchip0/pwm0/duty_cycle=5000000", "30 pwmchip0/pwm0/enable=1", $"30 {Route}", "130 pwmchip0/pwm0/enable=0"],
            _tree.Log());
        Assert.Equal([(OutcomeKind.Completed, 30_000_000L, 130_000_000L)], Finals(client, value));
    }

    [Fact]
    public void Wait_QueuedPulseTakenOver30MsLate_FadeStepsOnItsOwnGridFromTheMovedStart()
    {
        var client = CreateTestProbe();
        Claim(client, Pin);
        StallOnce(Route, TimeSpan.FromMilliseconds(30));

        var value = Cmd.Value(Pin, 100, 0.5);
        var pulse = Cmd.Pulse(Pin, 80, 40, 40);
        Send(client, value, pulse);
        Jumping.AdvanceTo(TimeSpan.FromMilliseconds(400));

        Assert.Equal(
            [
                "130 pwmchip0/pwm0/duty_cycle=0",
                "140 pwmchip0/pwm0/duty_cycle=2500000", "150 pwmchip0/pwm0/duty_cycle=5000000", "160 pwmchip0/pwm0/duty_cycle=7500000",
                "170 pwmchip0/pwm0/duty_cycle=10000000", "180 pwmchip0/pwm0/duty_cycle=7500000", "190 pwmchip0/pwm0/duty_cycle=5000000",
                "200 pwmchip0/pwm0/duty_cycle=2500000", "210 pwmchip0/pwm0/enable=0",
            ],
            _tree.Log(1));
        Assert.Equal([(OutcomeKind.Completed, 0L, 130_000_000L), (OutcomeKind.Completed, 130_000_000L, 210_000_000L)], Finals(client, value, pulse));
    }

    [Fact]
    public void Wait_LateHandOverInAnEnergisedStretchUnderMaxOnTime_KeepsThePlannedTimesAndTheDeadline()
    {
        // GPIO 19 (channel 1) may stay energised 150 ms: the second value is planned 100..150 ms and must not outlive that.
        var client = CreateTestProbe();
        Claim(client, 19);
        StallOnce("pinctrl/fe200000.gpio-pinctrl-bcm2711/pinmux-select=gpio19 alt5", TimeSpan.FromMilliseconds(30));

        var first = Cmd.Value(19, 100, 0.5);
        var second = Cmd.Value(19, 100, 0.75);
        Send(client, first, second);
        Jumping.AdvanceTo(TimeSpan.FromMilliseconds(400));

        Assert.Equal(["130 pwmchip0/pwm1/duty_cycle=7500000", "150 pwmchip0/pwm1/enable=0"], _tree.Log(1));
        Assert.Equal([(OutcomeKind.Completed, 0L, 100_000_000L), (OutcomeKind.Interrupted, 100_000_000L, 150_000_000L)], Finals(client, first, second));
    }

    /// <summary>Makes the first write of <paramref name="write"/> ("path=value") take <paramref name="stall"/>: the clock jumps once it is done.</summary>
    private void StallOnce(string write, TimeSpan stall)
    {
        var done = 0;
        _tree.AfterWrite = (path, value) =>
        {
            if ($"{path}={value}" == write && Interlocked.Exchange(ref done, 1) == 0)
            {
                Jumping.Jump(stall);
            }
        };
    }

    /// <summary>The final outcomes of <paramref name="commands"/>, in the order they arrive: (kind, started, ended); other messages are skipped.</summary>
    private static List<(OutcomeKind Kind, long StartedAtNs, long EndedAtNs)> Finals(TestProbe client, params PinCommand[] commands) =>
        [.. commands.Select(_ => client.FishForMessage<CommandOutcome>(o => o.Kind != OutcomeKind.Accepted && commands.Any(c => c.CommandId == o.CommandId)))
            .Select(o => (o.Kind, o.StartedAtNs, o.EndedAtNs))];
}
