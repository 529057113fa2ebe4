using RemoteIo.Actors.Compat.Backends;
using RemoteIo.Actors.Compat.Pigpio;
using RemoteIo.Actors.Compat.Tests.Support;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Compat.Tests.Backends;

/// <summary>A pigpio connection's operations on the real pin domain (virtual time, simulated chip).</summary>
public sealed class PinsPigpioSessionTests : PinsBackendKit
{
    private readonly PinsPigpioBackend _backend;

    public PinsPigpioSessionTests()
    {
        _backend = new PinsPigpioBackend(Access, Mode.HostDefault);
    }

    [Fact]
    public async Task Write_UnclaimedPin_ClaimedForTheConnectionAndDriven()
    {
        var session = _backend.OpenSession(null);

        Assert.Equal(PigpioStatus.Ok, await Answer(session.WriteAsync(17, true, default)));

        Assert.True(Chip.GetLevel(17).IsHigh);
        Assert.Contains("pigpio GPIO 17", OwnerOf(17), StringComparison.Ordinal);
        Assert.Equal(PigpioMode.Output, await Answer(_backend.GetModeAsync(17, default)));
        Assert.True(await Answer(_backend.ReadAsync(17, default)));
    }

    [Fact]
    public async Task Write_PinAnotherConnectionHolds_InUseAndThePinKeepsItsLevel()
    {
        var first = _backend.OpenSession(null);
        var second = _backend.OpenSession(null);
        await Answer(first.WriteAsync(17, true, default));

        Assert.Equal(PigpioStatus.InUse, await Answer(second.WriteAsync(17, false, default)));
        Assert.Equal(PigpioStatus.InUse, await Answer(second.SetModeAsync(17, PigpioMode.Input, default)));
        Assert.Equal(PigpioStatus.InUse, await Answer(second.SetPwmAsync(17, 100, 0.5, default)));

        Assert.True(Chip.GetLevel(17).IsHigh);
    }

    [Fact]
    public async Task GpiozeroPinSetup_InputPullOutput_RoleAndBiasFollowEachStep()
    {
        var session = _backend.OpenSession(null);

        Assert.Equal(PigpioStatus.Ok, await Answer(session.SetModeAsync(24, PigpioMode.Input, default)));
        Assert.Equal(ClaimRole.Input, RoleOf(24));
        Assert.Equal(PigpioStatus.Ok, await Answer(session.SetPullAsync(24, PigpioPull.Up, default)));
        Assert.True(Chip.GetLevel(24).IsHigh);
        Assert.Equal(PigpioStatus.Ok, await Answer(session.SetPullAsync(24, PigpioPull.Down, default)));
        Assert.False(Chip.GetLevel(24).IsHigh);
        Assert.Equal(PigpioStatus.Ok, await Answer(session.SetModeAsync(24, PigpioMode.Output, default)));
        Assert.Equal(ClaimRole.Output, RoleOf(24));
        Assert.Equal(PigpioMode.Output, await Answer(_backend.GetModeAsync(24, default)));
    }

    [Fact]
    public async Task SetMode_AlternateFunction_NotAvailableAndNothingClaimed()
    {
        var session = _backend.OpenSession(null);

        Assert.Equal(PigpioStatus.NotAvailable, await Answer(session.SetModeAsync(14, PigpioMode.Alt0, default)));

        Assert.Equal(string.Empty, OwnerOf(14));
    }

    [Fact]
    public async Task WriteBank_OnePinHeldByAnother_InUseAndNoneTaken()
    {
        var first = _backend.OpenSession(null);
        var second = _backend.OpenSession(null);
        await Answer(first.WriteAsync(18, false, default));

        Assert.Equal(PigpioStatus.InUse, await Answer(second.WriteBankAsync(0, (1u << 17) | (1u << 18), true, default)));

        Assert.Equal(string.Empty, OwnerOf(17));
        Assert.False(Chip.GetLevel(18).IsHigh);
    }

    [Fact]
    public async Task WriteBank_HeldOutputs_SetAtOnce()
    {
        var session = _backend.OpenSession(null);
        await Answer(session.WriteAsync(17, false, default));
        await Answer(session.WriteAsync(18, false, default));

        Assert.Equal(PigpioStatus.Ok, await Answer(session.WriteBankAsync(0, (1u << 17) | (1u << 18), true, default)));

        Assert.True(Chip.GetLevel(17).IsHigh && Chip.GetLevel(18).IsHigh);
    }

    [Fact]
    public async Task Pwm_HundredHertzQuarter_ExactWaveformOnThePin()
    {
        var session = _backend.OpenSession(null);
        var since = NowNs;

        Assert.Equal(PigpioStatus.Ok, await Answer(session.SetPwmAsync(18, 100, 0.25, default)));
        AdvanceMs(30);

        Assert.Equal([(0, 1), (2.5, 0), (10, 1), (12.5, 0), (20, 1), (22.5, 0), (30, 1)], Edges(18, since));
    }

    [Fact]
    public async Task Servo_1500us_PulseEvery20ms()
    {
        var session = _backend.OpenSession(null);
        var since = NowNs;

        Assert.Equal(PigpioStatus.Ok, await Answer(session.SetServoAsync(12, 1500, default)));
        AdvanceMs(40);

        Assert.Equal([(0, 1), (1.5, 0), (20, 1), (21.5, 0), (40, 1)], Edges(12, since));
    }

    [Fact]
    public async Task HardwarePwm_AboveTheHostsPwmLimitNotAvailable_WithinItTheTimingEngineMakesIt()
    {
        var session = _backend.OpenSession(null);

        var since = NowNs;

        Assert.Equal(PigpioStatus.NotAvailable, await Answer(session.SetHardwarePwmAsync(18, 25_000, 500_000, default)));
        Assert.Equal(string.Empty, OwnerOf(18));
        Assert.Equal(PigpioStatus.Ok, await Answer(session.SetHardwarePwmAsync(18, 1000, 500_000, default)));
        AdvanceMs(1);

        Assert.Equal([(0, 1), (0.5, 0), (1, 1)], Edges(18, since));
    }

    [Fact]
    public async Task Trigger_LowPulse_LowForItsLengthThenHigh()
    {
        var session = _backend.OpenSession(null);
        await Answer(session.WriteAsync(17, true, default));
        AdvanceMs(1);
        var since = NowNs;

        Assert.Equal(PigpioStatus.Ok, await Answer(session.TriggerAsync(17, 100, level: false, default)));
        AdvanceMs(1);

        Assert.Equal([(0, 0), (0.1, 1)], Edges(17, since));
    }

    [Fact]
    public async Task Close_WaitModeTriggerQueued_PulseEndsThenPinSafeAndReleased()
    {
        var session = _backend.OpenSession(null);
        await Answer(session.WriteAsync(17, false, default));
        var since = NowNs;
        await Answer(session.TriggerAsync(17, 100, level: true, default));

        await session.CloseAsync(default);
        AdvanceMs(1);

        Assert.Equal([(0, 1), (0.1, 0)], Edges(17, since));
        Assert.Equal(string.Empty, OwnerOf(17));
    }

    [Fact]
    public async Task Close_AfterDriving_EveryPinSafeAndReleasedForTheNextConnection()
    {
        var first = _backend.OpenSession(null);
        await Answer(first.WriteAsync(17, true, default));
        await Answer(first.SetModeAsync(4, PigpioMode.Input, default));

        await first.CloseAsync(default);
        AdvanceMs(0);

        Assert.False(Chip.GetLevel(17).IsHigh);
        Assert.Equal(string.Empty, OwnerOf(17));
        Assert.Equal(string.Empty, OwnerOf(4));
        Assert.Equal(PigpioStatus.Ok, await Answer(_backend.OpenSession(null).WriteAsync(17, true, default)));
    }

    [Fact]
    public async Task ReadBank_HeldLinesAsTheyAreOthersAtTheirPowerOnPull()
    {
        var session = _backend.OpenSession(null);
        await Answer(session.WriteAsync(17, true, default));
        await Answer(session.WriteAsync(5, false, default));

        var bank0 = await Answer(_backend.ReadBankAsync(0, default));

        // GPIO 0-8 rest high (pulled up at power-on) but 5, which the host drives low; 17 is driven high.
        Assert.Equal(0x0000_01FFu & ~(1u << 5) | (1u << 17), bank0);
        Assert.Equal(0x003F_C01Cu, await Answer(_backend.ReadBankAsync(1, default)));
    }
}
