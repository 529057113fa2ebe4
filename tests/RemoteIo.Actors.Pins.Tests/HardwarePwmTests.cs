using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Pins.Tests.Support;
using RemoteIo.Actors.Protocol;
using Xunit;

namespace RemoteIo.Actors.Pins.Tests;

/// <summary>
/// Hardware PWM on a simulated Raspberry Pi 4: pwmchip0 (2 channels) and the GPIO controller's
/// pinmux-select in memory, every sysfs write stamped on the virtual clock; the GPIO line's levels
/// in the simulated chip's transition log. GPIO 19 has a high safe level.
/// </summary>
public sealed class HardwarePwmTests : PinsTestKit
{
    private const string Pinmux = "pinctrl/fe200000.gpio-pinctrl-bcm2711/pinmux-select";

    public HardwarePwmTests()
        : base(
            settings: PinsSettings.Default.WithPinctrlRoot(FakePwmTree.PinctrlRoot).WithPin(19, new PinSettings { SafeLevel = PinValue.High }),
            gpio: GpioOptions.Default.WithModel("Raspberry Pi 4 Model B Rev 1.4").WithPwmRoot(FakePwmTree.PwmRoot),
            pwm: clock => new FakePwmTree(() => clock.ElapsedNanoseconds))
    {
        // The channels were exported at start (Start_... checks it); the tests read what commands write.
        StartWrites = Tree.Log();
        Tree.Writes.Clear();
    }

    private IReadOnlyList<string> StartWrites { get; }

    private FakePwmTree Tree => (FakePwmTree)PwmFiles!;

    [Fact]
    public void Start_Pi4WithPwmChipAndPinctrl_HardwarePwmOnItsFourGpiosAndBothChannelsExportedDisabled()
    {
        Assert.Equal([12, 13, 18, 19], Service.HardwarePwmGpios);
        Assert.Contains("GPIO 18 -> channel 0", Service.HardwarePwmSummary, StringComparison.Ordinal);
        Assert.Contains("12 and 18 share channel 0", Service.HardwarePwmSummary, StringComparison.Ordinal);
        Assert.Contains(FakePwmTree.PinctrlRoot + "/fe200000.gpio-pinctrl-bcm2711/pinmux-select", Service.HardwarePwmSummary, StringComparison.Ordinal);
        Assert.Equal(["0 pwmchip0/export=0", "0 pwmchip0/export=1"], StartWrites);
        Assert.Equal(("0", "0"), (Tree.Attribute(0, "enable"), Tree.Attribute(1, "enable")));
    }

    [Fact]
    public void Value_Timed_ReleasesTheLineRunsTheChannelAndRestoresTheLineLowAtTheEnd()
    {
        var client = Client();
        ClaimOutput(client, 18);
        Chip.ClearTransitions();
        AdvanceMs(100);

        var value = Cmd.Value(18, 1000, 0.25);
        Send(client, value);

        Assert.Equal(
            [$"100 {Pinmux}=gpio12 gpio_in", "100 pwmchip0/pwm0/period=10000000", "100 pwmchip0/pwm0/duty_cycle=2500000", "100 pwmchip0/pwm0/enable=1", $"100 {Pinmux}=gpio18 alt5"],
            Tree.Log());
        Assert.False(Service.Controller.IsPinOpen(18), "the GPIO line is released while the channel drives the pin");
        var state = Assert.Single(States());
        Assert.Equal((true, "value"), (state.HardwarePwm, state.Running));

        AdvanceMs(999);
        Assert.False(Service.Controller.IsPinOpen(18));
        AdvanceMs(1);
        Assert.Equal("1100 pwmchip0/pwm0/enable=0", Tree.Log()[^1]);
        Assert.True(Service.Controller.IsPinOpen(18), "the line is requested again at the end");
        Assert.Equal(LineDirection.Output, Service.Controller.GetLineSettings(18).Direction);
        Assert.Equal(PinValue.Low, Chip.GetLevel(18));
        ExpectAccepted(client, value);
        var done = ExpectOutcome(client, value, OutcomeKind.Completed);
        Assert.Equal((100_000_000L, 1_100_000_000L), (done.StartedAtNs, done.EndedAtNs));
        Assert.False(Assert.Single(States()).HardwarePwm);
        Assert.Empty(Edges(18));
    }

    [Fact]
    public void Value_OnAGpioWhoseChannelIsSharedWithAnUnheldPin_MakesThatPinAnInputFirst()
    {
        var client = Client();
        ClaimOutput(client, 12);

        Send(client, Cmd.Value(12, 0, 0.5));

        Assert.Equal(
            [$"0 {Pinmux}=gpio18 gpio_in", "0 pwmchip0/pwm0/period=10000000", "0 pwmchip0/pwm0/duty_cycle=5000000", "0 pwmchip0/pwm0/enable=1", $"0 {Pinmux}=gpio12 alt0"],
            Tree.Log());
    }

    [Fact]
    public void Value_FrequencyBeyondSoftwarePwm_RunsOnTheChannelButIsRefusedWithoutOne()
    {
        var client = Client();
        ClaimOutput(client, 18);
        ClaimOutput(client, 17);

        var fan = Cmd.Value(18, 0, 0.5, 25_000);
        var refused = Cmd.Value(17, 0, 0.5, 25_000);
        Send(client, fan);
        ExpectAccepted(client, fan);
        Send(client, refused);

        Assert.Equal(("40000", "20000", "1"), (Tree.Attribute(0, "period"), Tree.Attribute(0, "duty_cycle"), Tree.Attribute(0, "enable")));
        var rejection = ExpectOutcome(client, refused, OutcomeKind.Rejected);
        Assert.Equal(RejectReason.InvalidArgument, rejection.Reason);
        Assert.Contains("max-pwm-frequency", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pulse_OnTheChannel_StepsTheDutyEveryFadeStepAndEndsDisabled()
    {
        var client = Client();
        ClaimOutput(client, 18);

        var pulse = Cmd.Pulse(18, 80, 40, 40);
        Send(client, pulse);
        AdvanceMs(200);

        Assert.Equal(
            [
                $"0 {Pinmux}=gpio12 gpio_in", "0 pwmchip0/pwm0/period=10000000", "0 pwmchip0/pwm0/enable=1", $"0 {Pinmux}=gpio18 alt5",
                "10 pwmchip0/pwm0/duty_cycle=2500000", "20 pwmchip0/pwm0/duty_cycle=5000000", "30 pwmchip0/pwm0/duty_cycle=7500000",
                "40 pwmchip0/pwm0/duty_cycle=10000000", "50 pwmchip0/pwm0/duty_cycle=7500000", "60 pwmchip0/pwm0/duty_cycle=5000000",
                "70 pwmchip0/pwm0/duty_cycle=2500000", "80 pwmchip0/pwm0/enable=0",
            ],
            Tree.Log());
        ExpectAccepted(client, pulse);
        Assert.Equal(80_000_000L, ExpectOutcome(client, pulse, OutcomeKind.Completed).EndedAtNs);
    }

    [Fact]
    public void Servo_OnTheChannel_PulseWidthIsTheDutyOfA20msPeriod()
    {
        var client = Client();
        ClaimOutput(client, 18);

        Send(client, Cmd.Servo(18, 0, 1500));

        Assert.Equal(("20000000", "1500000", "1"), (Tree.Attribute(0, "period"), Tree.Attribute(0, "duty_cycle"), Tree.Attribute(0, "enable")));
        Assert.False(Service.Controller.IsPinOpen(18));
    }

    [Fact]
    public void Wait_LineThenChannelThenLine_EachCommandStartsWhereThePreviousEnded()
    {
        var client = Client();
        ClaimOutput(client, 18);
        Chip.ClearTransitions();

        var on = Cmd.On(18, 100);
        var value = Cmd.Value(18, 100, 0.5);
        var blink = Cmd.Blink(18, 200, 50, 50);
        Send(client, on, value, blink);
        AdvanceMs(150);
        Assert.False(Service.Controller.IsPinOpen(18));
        AdvanceMs(350);

        AssertTimeline([(0, true), (100, false), (200, true), (250, false), (300, true), (350, false)], Edges(18));
        Assert.Equal(
            [$"100 {Pinmux}=gpio12 gpio_in", "100 pwmchip0/pwm0/period=10000000", "100 pwmchip0/pwm0/duty_cycle=5000000", "100 pwmchip0/pwm0/enable=1", $"100 {Pinmux}=gpio18 alt5", "200 pwmchip0/pwm0/enable=0"],
            Tree.Log());
        ExpectAccepted(client, on, value, blink);
        Assert.Equal(100_000_000L, ExpectOutcome(client, on, OutcomeKind.Completed).EndedAtNs);
        var pwm = ExpectOutcome(client, value, OutcomeKind.Completed);
        Assert.Equal((100_000_000L, 200_000_000L), (pwm.StartedAtNs, pwm.EndedAtNs));
        Assert.Equal(400_000_000L, ExpectOutcome(client, blink, OutcomeKind.Completed).EndedAtNs);
    }

    [Fact]
    public void Wait_TwoValuesInARow_TheChannelTakesTheSecondAtTheFirstsEndWithoutTheLine()
    {
        var client = Client();
        ClaimOutput(client, 18);

        Send(client, Cmd.Value(18, 100, 0.5), Cmd.Value(18, 100, 0.75, 200));
        AdvanceMs(300);

        Assert.Equal(
            [
                $"0 {Pinmux}=gpio12 gpio_in", "0 pwmchip0/pwm0/period=10000000", "0 pwmchip0/pwm0/duty_cycle=5000000", "0 pwmchip0/pwm0/enable=1", $"0 {Pinmux}=gpio18 alt5",
                "100 pwmchip0/pwm0/period=5000000", "100 pwmchip0/pwm0/duty_cycle=3750000", "200 pwmchip0/pwm0/enable=0",
            ],
            Tree.Log());
    }

    [Fact]
    public void Nowait_OnReplacesAValue_LineRequestedHighThenChannelDisabledAndTheValueEndsFirst()
    {
        var client = Client();
        OpenSession(client, Mode.Nowait);
        ClaimOutput(client, 18);
        Chip.ClearTransitions();
        var value = Cmd.Value(18, 0, 0.5);
        Send(client, value);
        ExpectAccepted(client, value);
        AdvanceMs(300);

        var on = Cmd.On(18);
        Send(client, on);

        Assert.Equal("300 pwmchip0/pwm0/enable=0", Tree.Log()[^1]);
        AssertTimeline([(300, true)], Edges(18));
        Assert.Equal(300_000_000L, ExpectOutcome(client, value, OutcomeKind.Completed).EndedAtNs);
        ExpectAccepted(client, on);
        ExpectOutcome(client, on, OutcomeKind.Completed);
        Assert.False(Assert.Single(States()).HardwarePwm);
    }

    [Fact]
    public void Close_WhileTheChannelRuns_DisablesItAndLeavesTheLineAtItsSafeLevel()
    {
        var client = Client();
        ClaimOutput(client, 19);
        var value = Cmd.Value(19, 0, 0.1);
        Send(client, value);
        Assert.Equal($"0 {Pinmux}=gpio19 alt5", Tree.Log()[^1]);
        AdvanceMs(50);

        Send(client, Cmd.Close(19));

        Assert.Equal("50 pwmchip0/pwm1/enable=0", Tree.Log()[^1]);
        Assert.True(Service.Controller.IsPinOpen(19));
        Assert.Equal(PinValue.High, Chip.GetLevel(19));
        ExpectAccepted(client, value);
        client.FishForMessage(m => m is CommandOutcome { Kind: OutcomeKind.Completed } o && o.CommandId == value.CommandId);
        client.FishForMessage(m => m is PinNotice { Kind: PinNotice.Types.Kind.Released });
    }

    [Fact]
    public void SharedChannel_SecondGpioGetsSoftwarePwmUntilTheFirstLetsGo()
    {
        var client = Client();
        ClaimOutput(client, 12);
        ClaimOutput(client, 18);
        Chip.ClearTransitions();

        // One after the other: pin actors run in parallel, and the first to ask gets the channel.
        Send(client, Cmd.Value(12, 0, 0.5));
        Send(client, Cmd.Value(18, 0, 0.5));
        AdvanceMs(30);

        Assert.Equal($"0 {Pinmux}=gpio12 alt0", Tree.Log()[^1]);
        AssertTimeline(SquareWave(0, 31, 5, 5), Edges(18));
        Assert.Equal([(12u, true), (18u, false)], States().Select(s => (s.Gpio, s.HardwarePwm)));

        Send(client, Cmd.Off(12));
        Send(client, Cmd.Value(18, 0, 0.3));

        Assert.Equal(["30 pwmchip0/pwm0/enable=0", "30 pwmchip0/pwm0/duty_cycle=3000000", "30 pwmchip0/pwm0/enable=1", $"30 {Pinmux}=gpio18 alt5"], Tree.Log(30_000_000));
        Assert.Equal([(12u, false), (18u, true)], States().Select(s => (s.Gpio, s.HardwarePwm)));
    }

    [Fact]
    public void ReadAndObserve_WhileTheChannelRuns_LeaveTheLineReleased()
    {
        var client = Client();
        ClaimOutput(client, 18);
        Send(client, Cmd.Value(18, 0, 0.5));
        var reader = Client();

        reader.Send(Pins, new ReadPin { RequestId = 3, Pin = Cmd.Gpio(18) });
        reader.Send(Pins, Cmd.Observe(18));
        AdvanceMs(2);

        Assert.Equal(3ul, reader.ExpectMsg<PinLevel>().RequestId);
        reader.ExpectMsg<ObserveStarted>();
        Assert.False(Service.Controller.IsPinOpen(18));
        Assert.True(Assert.Single(States()).HardwarePwm);
    }

    [Fact]
    public void ChannelRefusesItsPeriod_CommandRunsOnSoftwarePwmAndTheChannelIsTakenOutOfUse()
    {
        var client = Client();
        ClaimOutput(client, 18);
        Chip.ClearTransitions();
        Tree.Denied.Add("pwmchip0/pwm0/period");

        var value = Cmd.Value(18, 20, 0.5);
        Send(client, value);
        AdvanceMs(20);

        ExpectAccepted(client, value);
        ExpectOutcome(client, value, OutcomeKind.Completed);
        AssertTimeline(SquareWave(0, 20, 5, 5), Edges(18));
        Assert.DoesNotContain(18, Service.HardwarePwmGpios);
        var fast = Cmd.Value(18, 0, 0.5, 25_000);
        Send(client, fast);
        Assert.Contains("max-pwm-frequency", ExpectOutcome(client, fast, OutcomeKind.Rejected).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispose_AfterTheChannelRan_DisablesAndUnexportsIt()
    {
        var client = Client();
        ClaimOutput(client, 18);
        Send(client, Cmd.Value(18, 0, 0.5));

        Service.Dispose();

        Assert.Equal(["0 pwmchip0/pwm0/enable=0", "0 pwmchip0/unexport=0", "0 pwmchip0/unexport=1"], Tree.Log().TakeLast(3));
    }

    [Fact]
    public void ChannelFailsMidFade_PinFaultsBackOnItsLineAndLaterPwmIsSoftware()
    {
        var client = Client();
        ClaimOutput(client, 19);
        var pulse = Cmd.Pulse(19, 0, 100, 100);
        Send(client, pulse);
        ExpectAccepted(client, pulse);
        Tree.Denied.Add("pwmchip0/pwm1/duty_cycle");

        AdvanceMs(10);

        var fault = client.ExpectMsg<CommandOutcome>(o => o.CommandId == pulse.CommandId);
        Assert.Equal((OutcomeKind.Interrupted, RejectReason.DriverFault), (fault.Kind, fault.Reason));
        Assert.Equal(PinNotice.Types.Kind.DriverFault, client.ExpectMsg<PinNotice>().Kind);
        Assert.Equal("10 pwmchip0/pwm1/enable=0", Tree.Log()[^1]);
        Assert.True(Service.Controller.IsPinOpen(19));
        Assert.Equal(PinValue.High, Chip.GetLevel(19));
        Assert.DoesNotContain(19, Service.HardwarePwmGpios);
        Chip.ClearTransitions();
        var value = Cmd.Value(19, 0, 0.5);
        Send(client, value);
        ExpectAccepted(client, value);
        AdvanceMs(10);
        AssertTimeline([(15, false), (20, true)], Edges(19));
    }

    [Fact]
    public async Task Shutdown_WhileTheChannelRuns_DisablesItLeavesTheLineSafeAndUnexports()
    {
        var client = Client();
        ClaimOutput(client, 19);
        Send(client, Cmd.Value(19, 0, 0.1));

        var shutdown = CoordinatedShutdown.Get(Sys).Run(new ShutdownReason("test"));

        await shutdown.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("0 pwmchip0/pwm1/enable=0", Tree.Log());
        Assert.Equal(PinValue.High, Chip.GetLevel(19));
        Assert.False(Service.Controller.IsPinOpen(19));
        AwaitCondition(() => Tree.Log()[^1] == "0 pwmchip0/unexport=1", message: "the channel is unexported once the system stopped");
    }

    private List<PinState> States()
    {
        var asker = Client();
        asker.Send(Pins, new GetPinStates { RequestId = 1 });
        Flush();
        return [.. asker.ExpectMsg<PinStates>().Pins];
    }
}
