using RemoteIo.Actors.Compat.Pigpio;

namespace RemoteIo.Actors.Compat.Tests.Pigpio;

/// <summary>Byte layouts checked against what pigpio.py packs (<c>struct.pack('IIII', ...)</c>, little-endian) and what pigpiod writes.</summary>
public sealed class PigpioWireTests
{
    [Fact]
    public void ReadRequest_PigpioPyModesBytes_ParsesCommandAndParameters()
    {
        // struct.pack('IIII', 0, 17, 1, 0): MODES, GPIO 17, OUTPUT.
        byte[] bytes = [0, 0, 0, 0, 17, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0];

        var request = PigpioWire.ReadRequest(bytes);

        Assert.Equal(new PigpioRequest(0, 17, 1, 0), request);
        Assert.Equal(PigpioCommand.MODES, request.Name);
    }

    [Fact]
    public void WriteReply_NegativeResult_EchoesHeaderWithTwosComplementResult()
    {
        var reply = new byte[PigpioWire.ReplySize];

        PigpioWire.WriteReply(reply, new PigpioRequest(4, 60, 1, 0), (int)PigpioError.BadGpio);

        // pigpio.py: struct.unpack('12sI', ...) then u2i(): 0xFFFFFFFD is -3.
        Assert.Equal(new byte[] { 4, 0, 0, 0, 60, 0, 0, 0, 1, 0, 0, 0, 0xFD, 0xFF, 0xFF, 0xFF }, reply);
    }

    [Fact]
    public void WriteReply_ValueResult_PutsResultInPlaceOfP3()
    {
        var reply = new byte[PigpioWire.ReplySize];

        PigpioWire.WriteReply(reply, new PigpioRequest(7, 18, 100, 0), 100);

        Assert.Equal(new byte[] { 7, 0, 0, 0, 18, 0, 0, 0, 100, 0, 0, 0, 100, 0, 0, 0 }, reply);
    }

    [Fact]
    public void WriteReport_AllFields_MatchesGpioReportLayout()
    {
        var report = new byte[PigpioWire.ReportSize];

        PigpioWire.WriteReport(report, new PigpioReport(0x0102, PigpioNotifyFlags.Alive, 0x11223344, 0x80000010));

        // gpioReport_t { uint16 seqno; uint16 flags; uint32 tick; uint32 level; }, pigpio.py: struct.unpack('HHII', ...).
        Assert.Equal(new byte[] { 0x02, 0x01, 0x40, 0x00, 0x44, 0x33, 0x22, 0x11, 0x10, 0x00, 0x00, 0x80 }, report);
        Assert.Equal(new PigpioReport(0x0102, 0x40, 0x11223344, 0x80000010), PigpioWire.ReadReport(report));
    }

    [Theory]
    [InlineData(PigpioCommand.MODES, 0)]
    [InlineData(PigpioCommand.WRITE, 4)]
    [InlineData(PigpioCommand.PWM, 5)]
    [InlineData(PigpioCommand.PRS, 6)]
    [InlineData(PigpioCommand.PFS, 7)]
    [InlineData(PigpioCommand.SERVO, 8)]
    [InlineData(PigpioCommand.WDOG, 9)]
    [InlineData(PigpioCommand.BR1, 10)]
    [InlineData(PigpioCommand.BS1, 14)]
    [InlineData(PigpioCommand.TICK, 16)]
    [InlineData(PigpioCommand.HWVER, 17)]
    [InlineData(PigpioCommand.NB, 19)]
    [InlineData(PigpioCommand.NP, 20)]
    [InlineData(PigpioCommand.NC, 21)]
    [InlineData(PigpioCommand.PRG, 22)]
    [InlineData(PigpioCommand.PFG, 23)]
    [InlineData(PigpioCommand.PRRG, 24)]
    [InlineData(PigpioCommand.PIGPV, 26)]
    [InlineData(PigpioCommand.TRIG, 37)]
    [InlineData(PigpioCommand.GDC, 83)]
    [InlineData(PigpioCommand.GPW, 84)]
    [InlineData(PigpioCommand.HP, 86)]
    [InlineData(PigpioCommand.FG, 97)]
    [InlineData(PigpioCommand.FN, 98)]
    [InlineData(PigpioCommand.NOIB, 99)]
    [InlineData(PigpioCommand.EVM, 115)]
    [InlineData(PigpioCommand.EVT, 116)]
    public void PigpioCommand_Number_MatchesPigpioH(PigpioCommand command, int number) =>
        Assert.Equal(number, (int)command);

    [Theory]
    [InlineData(PigpioError.BadUserGpio, -2)]
    [InlineData(PigpioError.BadGpio, -3)]
    [InlineData(PigpioError.BadMode, -4)]
    [InlineData(PigpioError.BadLevel, -5)]
    [InlineData(PigpioError.BadPud, -6)]
    [InlineData(PigpioError.BadPulsewidth, -7)]
    [InlineData(PigpioError.BadDutycycle, -8)]
    [InlineData(PigpioError.BadWatchdogTimeout, -15)]
    [InlineData(PigpioError.BadDutyRange, -21)]
    [InlineData(PigpioError.NoHandle, -24)]
    [InlineData(PigpioError.BadHandle, -25)]
    [InlineData(PigpioError.NotPermitted, -41)]
    [InlineData(PigpioError.SomePermitted, -42)]
    [InlineData(PigpioError.BadPulseLength, -46)]
    [InlineData(PigpioError.GpioInUse, -50)]
    [InlineData(PigpioError.UnknownCommand, -88)]
    [InlineData(PigpioError.NotPwmGpio, -92)]
    [InlineData(PigpioError.NotServoGpio, -93)]
    [InlineData(PigpioError.NotHardwarePwmGpio, -95)]
    [InlineData(PigpioError.BadHardwarePwmFrequency, -96)]
    [InlineData(PigpioError.BadHardwarePwmDuty, -97)]
    [InlineData(PigpioError.BadFilter, -125)]
    [InlineData(PigpioError.BadEventId, -143)]
    public void PigpioError_Value_MatchesPigpioH(PigpioError error, int value) =>
        Assert.Equal(value, (int)error);

    [Fact]
    public void NotifyFlags_Bits_MatchPigpioH()
    {
        Assert.Equal(1 << 7, PigpioNotifyFlags.Event);
        Assert.Equal(1 << 6, PigpioNotifyFlags.Alive);
        Assert.Equal(1 << 5, PigpioNotifyFlags.Watchdog);
        Assert.Equal(31, PigpioNotifyFlags.NumberMask);
    }
}
