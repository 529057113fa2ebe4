using RemoteIo.Actors.Pins.Tests.Support;
using RemoteIo.Actors.Protocol;
using Xunit;

namespace RemoteIo.Actors.Pins.Tests;

public sealed class CommandShapeTests : PinsTestKit
{
    private const int Pin = 16;

    [Fact]
    public void Value_AtHalf_IsSoftwarePwmAtTheDefaultFrequencyThenLow()
    {
        var client = Client();
        ClaimOutput(client, Pin);
        Chip.ClearTransitions();

        var value = Cmd.Value(Pin, 50, 0.25);
        Send(client, value);
        AdvanceMs(100);

        AssertTimeline(SquareWave(0, 50, 2.5, 7.5), Edges(Pin));
        ExpectAccepted(client, value);
        ExpectOutcome(client, value, OutcomeKind.Completed);
    }

    [Fact]
    public void Servo_Pulse_IsItsWidthHighEvery20Ms()
    {
        var client = Client();
        ClaimOutput(client, Pin);
        Chip.ClearTransitions();

        Send(client, Cmd.Servo(Pin, 60, 1500));
        AdvanceMs(100);

        AssertTimeline(SquareWave(0, 60, 1.5, 18.5), Edges(Pin));
    }

    [Fact]
    public void Pulse_WithDefaults_FadesInThenOutOverOneSecondEach()
    {
        var client = Client();
        ClaimOutput(client, Pin);
        Chip.ClearTransitions();

        Send(client, Cmd.Pulse(Pin, 2000, 0, 0));
        AdvanceMs(3000);

        var edges = Edges(Pin);
        var highTime = HighTimeBetween(edges, 0, 100);
        var peak = HighTimeBetween(edges, 950, 1050);
        Assert.InRange(highTime, 0, 10);
        Assert.InRange(peak, 90, 100);
        Assert.InRange(HighTimeBetween(edges, 1900, 2000), 0, 10);
        Assert.False(edges[^1].High);
        Assert.InRange(edges[^1].Ms, 1900, 2000);
    }

    [Fact]
    public void OffWithDuration_KeepsThePinLowAndBusy()
    {
        var client = Client();
        ClaimOutput(client, Pin);
        Chip.ClearTransitions();

        Send(client, Cmd.Off(Pin, 300), Cmd.On(Pin, 100));
        AdvanceMs(1000);

        AssertTimeline([(300, true), (400, false)], Edges(Pin));
    }

    private static double HighTimeBetween(IReadOnlyList<(double Ms, bool High)> edges, double from, double to)
    {
        var high = 0.0;
        var level = false;
        var at = from;
        foreach (var (ms, isHigh) in edges.Where(e => e.Ms <= to))
        {
            if (ms > from)
            {
                high += level ? ms - Math.Max(at, from) : 0;
                at = ms;
            }

            level = isHigh;
        }

        return high + (level ? to - Math.Max(at, from) : 0);
    }
}
