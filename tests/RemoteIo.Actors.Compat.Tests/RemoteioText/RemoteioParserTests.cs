using System.Buffers;
using System.Text;
using RemoteIo.Actors.Compat.RemoteioText;

namespace RemoteIo.Actors.Compat.Tests.RemoteioText;

/// <summary>remoteio's framing (six space-ended tokens) and parsing: closed command set, numbers as numbers, clear reasons.</summary>
public sealed class RemoteioParserTests
{
    [Fact]
    public void Parse_RemoteioClientOn_ReadsAllSixTokens()
    {
        // remoteio_client.RemotePin.execute: f"{numbering} {pin} {state} {time_ms} {arg1} {arg2} ".
        var result = Parse("b 7 on 2000 0.0 0.0 ");

        Assert.Null(result.Error);
        Assert.Equal(new RemoteioRequest(new RemoteioPin(RemoteioNumbering.Board, 7), RemoteioCommand.On, TimeSpan.FromSeconds(2), 0, 0), result.Request);
    }

    [Theory]
    [InlineData("g 4 blink 4000 0.1 0.2 ", RemoteioNumbering.Gpio, 4, RemoteioCommand.Blink, 4000, 0.1, 0.2)]
    [InlineData("b 40 pulse 0 0.0 0.0 ", RemoteioNumbering.Board, 40, RemoteioCommand.Pulse, 0, 0, 0)]
    [InlineData("b 38 value 4000.0 0.1 0.0 ", RemoteioNumbering.Board, 38, RemoteioCommand.Value, 4000, 0.1, 0)]
    [InlineData("b 7 off 1e3 0 0 ", RemoteioNumbering.Board, 7, RemoteioCommand.Off, 1000, 0, 0)]
    [InlineData("b 7 close 0 0.0 0.0 ", RemoteioNumbering.Board, 7, RemoteioCommand.Close, 0, 0, 0)]
    [InlineData("b 7 create 0 0.0 0.0 ", RemoteioNumbering.Board, 7, RemoteioCommand.Create, 0, 0, 0)]
    [InlineData("\r\nb 7 on 0 0 0 ", RemoteioNumbering.Board, 7, RemoteioCommand.On, 0, 0, 0)]
    public void Parse_ValidRequest_ReadsIt(string text, RemoteioNumbering numbering, int pin, RemoteioCommand command, double ms, double arg1, double arg2)
    {
        var result = Parse(text);

        Assert.Null(result.Error);
        Assert.Equal(new RemoteioRequest(new RemoteioPin(numbering, pin), command, TimeSpan.FromMilliseconds(ms), arg1, arg2), result.Request);
    }

    [Theory]
    [InlineData("x 7 on 0 0 0 ", "malformed request: numbering must be 'b' or 'g', not 'x'")]
    [InlineData("B 7 on 0 0 0 ", "malformed request: numbering must be 'b' or 'g', not 'B'")]
    [InlineData("b seven on 0 0 0 ", "malformed request: pin must be a whole number ≥ 0, not 'seven'")]
    [InlineData("b -1 on 0 0 0 ", "malformed request: pin must be a whole number ≥ 0, not '-1'")]
    [InlineData("b 7 __import__('os') 0 0 0 ", "unknown command '__import__('os')' (expected create, on, off, blink, pulse, value or close)")]
    [InlineData("b 7 ON 0 0 0 ", "unknown command 'ON' (expected create, on, off, blink, pulse, value or close)")]
    [InlineData("b 7 on -5 0 0 ", "malformed request: time_ms must be a number of milliseconds from 0 to 2147483647, not '-5'")]
    [InlineData("b 7 on soon 0 0 ", "malformed request: time_ms must be a number of milliseconds from 0 to 2147483647, not 'soon'")]
    [InlineData("b 7 on 0 nan 0 ", "malformed request: arg1 must be a number, not 'nan'")]
    [InlineData("b 7 on 0 0 inf ", "malformed request: arg2 must be a number, not 'inf'")]
    [InlineData("b  7 on 0 0 ", "malformed request: pin must be a whole number ≥ 0, not ''")]
    [InlineData("b 7 value 0 1.5 0 ", "invalid argument: value level (arg1) must be from 0 to 1, not 1.5")]
    [InlineData("b 7 blink 0 -1 1 ", "invalid argument: blink on and off times (arg1, arg2) must not be negative")]
    [InlineData("b 7 pulse 0 1 -1 ", "invalid argument: pulse fade times (arg1, arg2) must not be negative")]
    public void Parse_BadRequest_SaysWhy(string text, string error) =>
        Assert.Equal(error, Parse(text).Error);

    [Fact]
    public void Parse_ControlCharactersInToken_NotEchoed()
    {
        var error = Parse("b 7 o\u001b[2Jn 0 0 0 ").Error;

        Assert.Equal("unknown command 'o?[2Jn' (expected create, on, off, blink, pulse, value or close)", error);
    }

    [Fact]
    public void TryTake_FiveTokens_WaitsForMore()
    {
        var buffer = Bytes("b 7 on 0 0");

        Assert.False(RemoteioParser.TryTake(ref buffer, 256, out _));
        Assert.Equal(10, buffer.Length);
    }

    [Fact]
    public void TryTake_TwoRequestsAndAHalf_TakesTwoLeavesTheHalf()
    {
        var buffer = Bytes("b 7 on 0 0 0 b 7 off 0 0 0 b 7 bl");

        Assert.True(RemoteioParser.TryTake(ref buffer, 256, out var first));
        Assert.True(RemoteioParser.TryTake(ref buffer, 256, out var second));
        Assert.False(RemoteioParser.TryTake(ref buffer, 256, out _));

        Assert.Equal((RemoteioCommand.On, RemoteioCommand.Off), (first.Request.Command, second.Request.Command));
        Assert.Equal("b 7 bl", Encoding.UTF8.GetString(buffer.ToArray()));
    }

    [Fact]
    public void TryTake_LongerThanLimitWithoutSixTokens_DropsPendingBytesWithReason()
    {
        var buffer = Bytes(new string('x', 300));

        Assert.True(RemoteioParser.TryTake(ref buffer, 256, out var result));

        Assert.Equal("malformed request: longer than 256 bytes without six space-ended tokens; dropped", result.Error);
        Assert.Equal(0, buffer.Length);
    }

    private static RemoteioParseResult Parse(string text)
    {
        var buffer = Bytes(text);
        Assert.True(RemoteioParser.TryTake(ref buffer, 256, out var result));
        Assert.Equal(0, buffer.Length);
        return result;
    }

    private static ReadOnlySequence<byte> Bytes(string text) => new(Encoding.UTF8.GetBytes(text));
}
