using RemoteIo.Actors.Compat.Pigpio;
using RemoteIo.Actors.Compat.Tests.Support;

namespace RemoteIo.Actors.Compat.Tests.Pigpio;

/// <summary>PWM, PRS, PFS, GDC, PRG, PFG, PRRG, SERVO, GPW, HP: pigpio's bookkeeping and the signal the backend gets.</summary>
public sealed class PigpioPwmCommandTests : PigpioTestBase
{
    [Fact]
    public async Task Pwm_InDefaultRange_StartsPwmAtDefaultFrequency()
    {
        Assert.Equal(0, await Pi.CommandAsync(PigpioCommand.PWM, 18, 128));

        var signal = H.Board.SignalOf(18);
        Assert.Equal(("pwm", 800.0, 128.0 / 255), (signal.Signal, signal.Frequency, signal.Duty));
        Assert.Equal(128, await Pi.CommandAsync(PigpioCommand.GDC, 18));
        Assert.Equal(255, await Pi.CommandAsync(PigpioCommand.PRG, 18));
        Assert.Equal(800, await Pi.CommandAsync(PigpioCommand.PFG, 18));
        Assert.Equal(250, await Pi.CommandAsync(PigpioCommand.PRRG, 18));
    }

    [Fact]
    public async Task Pwm_AboveRange_IsBadDutycycleAndChangesNothing()
    {
        Assert.Equal((int)PigpioError.BadDutycycle, await Pi.CommandAsync(PigpioCommand.PWM, 18, 256));

        Assert.Null(H.Board.SignalOf(18).Signal);
        Assert.Equal((int)PigpioError.NotPwmGpio, await Pi.CommandAsync(PigpioCommand.GDC, 18));
    }

    [Fact]
    public async Task Pfs_Frequency_ReturnsTheOnePigpioChoosesAndAppliesIt()
    {
        await Pi.CommandAsync(PigpioCommand.PWM, 18, 100);

        Assert.Equal(80, await Pi.CommandAsync(PigpioCommand.PFS, 18, 75));

        Assert.Equal(80.0, H.Board.SignalOf(18).Frequency);
        Assert.Equal(80, await Pi.CommandAsync(PigpioCommand.PFG, 18));
        Assert.Equal(2500, await Pi.CommandAsync(PigpioCommand.PRRG, 18));
    }

    [Fact]
    public async Task Prs_Range_ReturnsRealRangeOfCurrentFrequency()
    {
        Assert.Equal(100, await Pi.CommandAsync(PigpioCommand.PFS, 12, 100));

        Assert.Equal(2000, await Pi.CommandAsync(PigpioCommand.PRS, 12, 10000));

        Assert.Equal(10000, await Pi.CommandAsync(PigpioCommand.PRG, 12));
    }

    [Fact]
    public async Task Prs_WhilePwmRuns_RescalesDutycycleAsPigpio()
    {
        await Pi.CommandAsync(PigpioCommand.PWM, 18, 128);

        await Pi.CommandAsync(PigpioCommand.PRS, 18, 1000);

        // pigpio: newWidth = range * oldWidth / oldRange = 1000 * 128 / 255 = 501 (integer).
        Assert.Equal(501, await Pi.CommandAsync(PigpioCommand.GDC, 18));
        Assert.Equal(0.501, H.Board.SignalOf(18).Duty, 6);
    }

    [Theory]
    [InlineData(24u)]
    [InlineData(40001u)]
    public async Task Prs_OutOfRange_IsBadDutyRange(uint range) =>
        Assert.Equal((int)PigpioError.BadDutyRange, await Pi.CommandAsync(PigpioCommand.PRS, 18, range));

    [Fact]
    public async Task GpiozeroPwmLedSequence_HalfValue_IsHundredHertzHalfDuty()
    {
        // What gpiozero's PiGPIOPin sends for PWMLED(18) then .value = 0.5.
        Assert.Equal(0, await Pi.CommandAsync(PigpioCommand.WRITE, 18, 0));
        Assert.Equal(100, await Pi.CommandAsync(PigpioCommand.PFS, 18, 100));
        Assert.Equal(2000, await Pi.CommandAsync(PigpioCommand.PRS, 18, 10000));
        Assert.Equal(0, await Pi.CommandAsync(PigpioCommand.PWM, 18, 0));
        Assert.Equal(10000, await Pi.CommandAsync(PigpioCommand.PRG, 18));
        Assert.Equal(0, await Pi.CommandAsync(PigpioCommand.PWM, 18, 5000));

        var signal = H.Board.SignalOf(18);
        Assert.Equal(("pwm", 100.0, 0.5), (signal.Signal, signal.Frequency, signal.Duty));
    }

    [Fact]
    public async Task Write_AfterPwm_EndsPwm()
    {
        await Pi.CommandAsync(PigpioCommand.PWM, 18, 100);

        await Pi.CommandAsync(PigpioCommand.WRITE, 18, 1);

        Assert.Equal((int)PigpioError.NotPwmGpio, await Pi.CommandAsync(PigpioCommand.GDC, 18));
        Assert.Null(H.Board.SignalOf(18).Signal);
    }

    [Fact]
    public async Task Modes_DifferentModeAfterPwm_EndsPwmBookkeeping()
    {
        await Pi.CommandAsync(PigpioCommand.PWM, 18, 100);

        await Pi.CommandAsync(PigpioCommand.MODES, 18, (uint)PigpioMode.Input);

        Assert.Equal((int)PigpioError.NotPwmGpio, await Pi.CommandAsync(PigpioCommand.GDC, 18));
    }

    [Fact]
    public async Task Modes_SameModeDuringPwm_KeepsPwm()
    {
        await Pi.CommandAsync(PigpioCommand.PWM, 18, 100);

        await Pi.CommandAsync(PigpioCommand.MODES, 18, (uint)PigpioMode.Output);

        Assert.Equal(100, await Pi.CommandAsync(PigpioCommand.GDC, 18));
    }

    [Fact]
    public async Task Servo_Width_StartsPulsesAndGpwReadsIt()
    {
        Assert.Equal(0, await Pi.CommandAsync(PigpioCommand.SERVO, 17, 1500));

        Assert.Equal(("servo", 1500), (H.Board.SignalOf(17).Signal, H.Board.SignalOf(17).Servo));
        Assert.Equal(1500, await Pi.CommandAsync(PigpioCommand.GPW, 17));
        Assert.Equal((int)PigpioError.NotPwmGpio, await Pi.CommandAsync(PigpioCommand.GDC, 17));
    }

    [Theory]
    [InlineData(499u)]
    [InlineData(2501u)]
    public async Task Servo_BadWidth_IsBadPulsewidth(uint width) =>
        Assert.Equal((int)PigpioError.BadPulsewidth, await Pi.CommandAsync(PigpioCommand.SERVO, 17, width));

    [Fact]
    public async Task Gpw_NotServo_IsNotServoGpio() =>
        Assert.Equal((int)PigpioError.NotServoGpio, await Pi.CommandAsync(PigpioCommand.GPW, 17));

    [Fact]
    public async Task Gdc_GpioAbove31_IsBadUserGpio() =>
        Assert.Equal((int)PigpioError.BadUserGpio, await Pi.CommandAsync(PigpioCommand.GDC, 32));

    [Fact]
    public async Task Pwm_GpioOutsideUpdateMask_IsNotPermitted() =>
        Assert.Equal((int)PigpioError.NotPermitted, await Pi.CommandAsync(PigpioCommand.PWM, 40, 10));

    [Fact]
    public async Task Hp_HardwareChannelGpio_StartsHardwarePwmAtRealFrequency()
    {
        Assert.Equal(0, await Pi.CommandAsync(PigpioCommand.HP, 18, 1000, extension: 250_000));

        var signal = H.Board.SignalOf(18);
        Assert.Equal(("hwpwm", 1000, 250_000), (signal.Signal, signal.HwFrequency, signal.HwDuty));
        Assert.Equal(1000, await Pi.CommandAsync(PigpioCommand.PFG, 18));
        Assert.Equal(250_000, await Pi.CommandAsync(PigpioCommand.GDC, 18));
        Assert.Equal(1_000_000, await Pi.CommandAsync(PigpioCommand.PRG, 18));
        Assert.Equal(375_000, await Pi.CommandAsync(PigpioCommand.PRRG, 18));
    }

    [Fact]
    public async Task Hp_FrequencyNotADivisor_ReportsTheFrequencyTheClockMakes()
    {
        // 750 MHz / (2 × 7 MHz) = 53.57 → real range 54 → 750 MHz / 108 = 6,944,444 Hz.
        await Pi.CommandAsync(PigpioCommand.HP, 18, 7_000_000, extension: 500_000);

        Assert.Equal(6_944_444, await Pi.CommandAsync(PigpioCommand.PFG, 18));
        Assert.Equal(54, await Pi.CommandAsync(PigpioCommand.PRRG, 18));
    }

    [Fact]
    public async Task Hp_ZeroFrequency_StopsHardwarePwm()
    {
        await Pi.CommandAsync(PigpioCommand.HP, 18, 1000, extension: 250_000);

        Assert.Equal(0, await Pi.CommandAsync(PigpioCommand.HP, 18, 0, extension: 0));

        Assert.Null(H.Board.SignalOf(18).Signal);
        Assert.Equal((int)PigpioError.NotPwmGpio, await Pi.CommandAsync(PigpioCommand.GDC, 18));
    }

    [Theory]
    [InlineData(17u, 1000u, 1u, PigpioError.NotHardwarePwmGpio)]
    [InlineData(18u, 1000u, 1_000_001u, PigpioError.BadHardwarePwmDuty)]
    [InlineData(18u, 187_500_001u, 1u, PigpioError.BadHardwarePwmFrequency)]
    [InlineData(54u, 1000u, 1u, PigpioError.BadGpio)]
    public async Task Hp_BadArgument_AnswersPigpiosError(uint gpio, uint frequency, uint duty, PigpioError error)
    {
        Assert.Equal((int)error, await Pi.CommandAsync(PigpioCommand.HP, gpio, frequency, extension: duty));

        Assert.DoesNotContain(H.Board.Log, e => e.Kind == "hwpwm");
    }

    [Fact]
    public async Task Hp_WithoutExtension_IsBadParameter() =>
        Assert.Equal((int)PigpioError.BadParameter, await Pi.CommandAsync(PigpioCommand.HP, 18, 1000));
}
