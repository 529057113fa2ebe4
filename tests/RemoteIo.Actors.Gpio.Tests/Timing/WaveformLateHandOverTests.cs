using RemoteIo.Actors.Gpio.Timing;
using Xunit;

namespace RemoteIo.Actors.Gpio.Tests.Timing;

/// <summary>The one lateness rule the edge lanes and the hardware PWM channels share.</summary>
public sealed class WaveformLateHandOverTests
{
    private const long Ms = 1_000_000;

    [Theory]
    [InlineData(100, 200, 100, false)] // on time
    [InlineData(100, 200, 99, false)] // early
    [InlineData(100, 200, 101, false)] // 1 ms late: within the tolerance
    [InlineData(100, 200, 102, true)] // 2 ms late: beyond it
    [InlineData(100, 108, 104, true)] // 4 ms late on an 8 ms command: half its duration
    [InlineData(100, 108, 103, true)] // 3 ms late on an 8 ms command: beyond the tolerance anyway
    [InlineData(100, 101, 100, false)] // a 1 ms command on time
    public void IsLateHandOver_OneMillisecondTolerance_LateBeyondItOrByHalfTheDuration(long startMs, long endMs, long nowMs, bool late)
    {
        var waveform = Waveform.Constant(PinValue.High, startMs * Ms, endMs * Ms);

        Assert.Equal(late, waveform.IsLateHandOver(nowMs * Ms, 1 * Ms));
    }

    [Fact]
    public void IsLateHandOver_HalfDurationRule_MovesAShortCommandWithinTheTolerance()
    {
        // A 2 ms command taken over 1 ms late: inside a 10 ms tolerance, but half of it would be gone.
        var waveform = Waveform.Constant(PinValue.High, 100 * Ms, 102 * Ms);

        Assert.True(waveform.IsLateHandOver(101 * Ms, 10 * Ms));
        Assert.False(waveform.IsLateHandOver(100 * Ms + (Ms / 2), 10 * Ms));
    }

    [Fact]
    public void IsLateHandOver_NoEnd_OnlyTheToleranceCounts()
    {
        var waveform = Waveform.Constant(PinValue.High, 100 * Ms);

        Assert.False(waveform.IsLateHandOver(110 * Ms, 10 * Ms));
        Assert.True(waveform.IsLateHandOver(111 * Ms, 10 * Ms));
    }
}
