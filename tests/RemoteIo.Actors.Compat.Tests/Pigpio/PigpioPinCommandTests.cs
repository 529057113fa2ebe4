using RemoteIo.Actors.Compat.Pigpio;
using RemoteIo.Actors.Compat.Tests.Support;

namespace RemoteIo.Actors.Compat.Tests.Pigpio;

/// <summary>MODES, MODEG, PUD, READ, WRITE, banks, TRIG, TICK, HWVER, PIGPV: pigpio's semantics and error codes against the fake board.</summary>
public sealed class PigpioPinCommandTests : PigpioTestBase
{
    [Fact]
    public async Task Modes_Output_SetsModeAndModegReadsIt()
    {
        Assert.Equal(0, await Pi.CommandAsync(PigpioCommand.MODES, 17, (uint)PigpioMode.Output));

        Assert.Equal(PigpioMode.Output, H.Board.ModeOf(17));
        Assert.Equal((int)PigpioMode.Output, await Pi.CommandAsync(PigpioCommand.MODEG, 17));
    }

    [Theory]
    [InlineData(17u, 8u, PigpioError.BadMode)]
    [InlineData(54u, 1u, PigpioError.BadGpio)]
    [InlineData(0u, 1u, PigpioError.NotPermitted)]
    [InlineData(28u, 1u, PigpioError.NotPermitted)]
    public async Task Modes_BadArgument_AnswersPigpiosErrorAndChangesNothing(uint gpio, uint mode, PigpioError error)
    {
        Assert.Equal((int)error, await Pi.CommandAsync(PigpioCommand.MODES, gpio, mode));

        Assert.DoesNotContain(H.Board.Log, e => e.Kind == "mode");
    }

    [Fact]
    public async Task Modeg_GpioAbove53_IsBadGpio() =>
        Assert.Equal((int)PigpioError.BadGpio, await Pi.CommandAsync(PigpioCommand.MODEG, 54));

    [Fact]
    public async Task Pud_Up_SetsPull()
    {
        Assert.Equal(0, await Pi.CommandAsync(PigpioCommand.PUD, 4, (uint)PigpioPull.Up));

        Assert.Equal(PigpioPull.Up, H.Board.PullOf(4));
    }

    [Fact]
    public async Task Pud_Three_IsBadPud() =>
        Assert.Equal((int)PigpioError.BadPud, await Pi.CommandAsync(PigpioCommand.PUD, 4, 3));

    [Fact]
    public async Task Read_DrivenInput_ReturnsItsLevel()
    {
        H.Board.DriveInput(4, true);
        Assert.Equal(1, await Pi.CommandAsync(PigpioCommand.READ, 4));

        H.Board.DriveInput(4, false);
        Assert.Equal(0, await Pi.CommandAsync(PigpioCommand.READ, 4));
    }

    [Fact]
    public async Task Read_GpioAbove53_IsBadGpio() =>
        Assert.Equal((int)PigpioError.BadGpio, await Pi.CommandAsync(PigpioCommand.READ, 60));

    [Fact]
    public async Task Write_InputPin_ForcesOutputAndDrivesLevel()
    {
        Assert.Equal(PigpioMode.Input, H.Board.ModeOf(17));

        Assert.Equal(0, await Pi.CommandAsync(PigpioCommand.WRITE, 17, 1));

        Assert.Equal(PigpioMode.Output, H.Board.ModeOf(17));
        Assert.True(H.Board.LevelOf(17));
        Assert.Equal(1, await Pi.CommandAsync(PigpioCommand.READ, 17));
    }

    [Theory]
    [InlineData(17u, 2u, PigpioError.BadLevel)]
    [InlineData(60u, 1u, PigpioError.BadGpio)]
    [InlineData(1u, 1u, PigpioError.NotPermitted)]
    public async Task Write_BadArgument_AnswersPigpiosErrorAndChangesNothing(uint gpio, uint level, PigpioError error)
    {
        Assert.Equal((int)error, await Pi.CommandAsync(PigpioCommand.WRITE, gpio, level));

        Assert.DoesNotContain(H.Board.Log, e => e.Kind == "level");
    }

    [Fact]
    public async Task Br1_Levels_ReturnsBankBits()
    {
        // GPIO 0-8 read high from their power-on pull-ups.
        H.Board.DriveInput(4, false);
        H.Board.DriveInput(22, true);
        await Pi.CommandAsync(PigpioCommand.WRITE, 17, 1);

        Assert.Equal(0x1EF | (1 << 17) | (1 << 22), await Pi.CommandAsync(PigpioCommand.BR1));
        Assert.Equal(0, await Pi.CommandAsync(PigpioCommand.BR2));
    }

    [Fact]
    public async Task Bs1AndBc1_Mask_SetAndClearOutputLatches()
    {
        await Pi.CommandAsync(PigpioCommand.MODES, 5, 1);
        await Pi.CommandAsync(PigpioCommand.MODES, 6, 1);

        Assert.Equal(0, await Pi.CommandAsync(PigpioCommand.BS1, (1 << 5) | (1 << 6)));
        Assert.Equal((1 << 5) | (1 << 6), await Pi.CommandAsync(PigpioCommand.BR1) & ((1 << 5) | (1 << 6)));

        Assert.Equal(0, await Pi.CommandAsync(PigpioCommand.BC1, 1 << 5));
        Assert.Equal(1 << 6, await Pi.CommandAsync(PigpioCommand.BR1) & ((1 << 5) | (1 << 6)));
    }

    [Fact]
    public async Task Bs1_MaskOutsideUpdateMask_WritesPermittedAndAnswersSomePermitted()
    {
        await Pi.CommandAsync(PigpioCommand.MODES, 5, 1);

        Assert.Equal((int)PigpioError.SomePermitted, await Pi.CommandAsync(PigpioCommand.BS1, (1 << 5) | 1));

        Assert.True(H.Board.LevelOf(5));
        Assert.DoesNotContain(H.Board.Log, e => e.Gpio == 0);
    }

    [Fact]
    public async Task Bs2_DefaultMask_NothingPermitted()
    {
        Assert.Equal((int)PigpioError.SomePermitted, await Pi.CommandAsync(PigpioCommand.BS2, 1));

        Assert.DoesNotContain(H.Board.Log, e => e.Gpio == 32);
    }

    [Fact]
    public async Task Trig_ValidPulse_ReachesBackend()
    {
        Assert.Equal(0, await Pi.CommandAsync(PigpioCommand.TRIG, 17, 10, extension: 1));

        Assert.Contains(H.Board.Log, e => e is { Kind: "trigger", Gpio: 17, Value: 10, Value2: 1 });
    }

    [Theory]
    [InlineData(17u, 0u, 1u, PigpioError.BadPulseLength)]
    [InlineData(17u, 101u, 1u, PigpioError.BadPulseLength)]
    [InlineData(17u, 10u, 2u, PigpioError.BadLevel)]
    [InlineData(32u, 10u, 1u, PigpioError.BadUserGpio)]
    public async Task Trig_BadArgument_AnswersPigpiosError(uint gpio, uint pulse, uint level, PigpioError error)
    {
        var options = PigpioOptions.Default.WithUpdateMask((1UL << 54) - 1);
        await using var h = new PigpioHarness(options);
        var pi = h.Connect();

        Assert.Equal((int)error, await pi.CommandAsync(PigpioCommand.TRIG, gpio, pulse, extension: level));
    }

    [Fact]
    public async Task Trig_WithoutExtension_IsBadParameter() =>
        Assert.Equal((int)PigpioError.BadParameter, await Pi.CommandAsync(PigpioCommand.TRIG, 17, 10));

    [Fact]
    public async Task Tick_VirtualClock_CountsMicroseconds()
    {
        var before = (uint)await Pi.CommandAsync(PigpioCommand.TICK);

        H.Clock.Advance(TimeSpan.FromMilliseconds(1500));

        Assert.Equal(1_500_000u, (uint)await Pi.CommandAsync(PigpioCommand.TICK) - before);
    }

    [Fact]
    public async Task Hwver_Default_IsBackendRevision() =>
        Assert.Equal(0xC03111, await Pi.CommandAsync(PigpioCommand.HWVER));

    [Fact]
    public async Task Hwver_Override_ReportsConfiguredRevision()
    {
        await using var h = new PigpioHarness(PigpioOptions.Default.WithHardwareRevision(0xA02082));

        Assert.Equal(0xA02082, await h.Connect().CommandAsync(PigpioCommand.HWVER));
    }

    [Fact]
    public async Task Pigpv_Always_IsVersion79() =>
        Assert.Equal(79, await Pi.CommandAsync(PigpioCommand.PIGPV));

    [Theory]
    [InlineData(PigpioCommand.MICS, 500u, 1000)]
    [InlineData(PigpioCommand.MICS, 1000u, 1000)]
    [InlineData(PigpioCommand.MILS, 250u, 250_000)]
    public async Task Delay_Command_RepliesOnlyWhenVirtualTimeHasPassed(PigpioCommand command, uint amount, int replyAfterMicroseconds)
    {
        // Timers count whole milliseconds: MICS 500 waits 1 ms (never less than asked).
        var reply = Pi.CommandAsync(command, amount);
        H.WaitForTimers(1);
        H.Clock.Advance(TimeSpan.FromMicroseconds(replyAfterMicroseconds - 1));
        Assert.False(reply.IsCompleted);

        H.Clock.Advance(TimeSpan.FromMicroseconds(1));

        Assert.Equal(0, await reply);
    }

    [Fact]
    public async Task MicsAndMils_TooLong_AnswerTheirErrors()
    {
        Assert.Equal((int)PigpioError.BadMicsDelay, await Pi.CommandAsync(PigpioCommand.MICS, 1_000_001));
        Assert.Equal((int)PigpioError.BadMilsDelay, await Pi.CommandAsync(PigpioCommand.MILS, 60_001));
    }
}
