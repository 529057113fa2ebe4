using RemoteIo.Actors.Gpio.Timing;
using Xunit;

namespace RemoteIo.Actors.Gpio.Tests.Timing;

/// <summary>The timing engine on the manual clock: every edge at its exact virtual time.</summary>
public sealed class EdgeSchedulerVirtualClockTests : IDisposable
{
    /// <summary>Nanoseconds per millisecond.</summary>
    private const long Ms = VirtualBench.Ms;

    /// <summary>The line most tests drive.</summary>
    private const int Led = 17;

    /// <summary>Chip, controller, scheduler and clock.</summary>
    private readonly VirtualBench _bench = new();

    public EdgeSchedulerVirtualClockTests() => _bench.Outputs(Led);

    [Fact]
    public void Square_Blink1000With100On100OffAt2000_EdgesEvery100MsAndLowAt3000()
    {
        _bench.Scheduler.Start(Led, Waveform.Square(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100), 2000 * Ms, 3000 * Ms), token: 7);
        _bench.AdvanceTo(5000);

        var expected = Enumerable.Range(0, 10).Select(i => (2000.0 + (100 * i), i % 2 == 0 ? 1 : 0)).ToArray();
        Assert.Equal(expected, _bench.Trace(Led));
        Assert.Equal(PinValue.Low, _bench.Chip.GetLevel(Led));
        Assert.Equal([(Led, 7L, 3000 * Ms, WaveformEndReason.Completed)], _bench.Listener.Ended);
        Assert.False(_bench.Scheduler.IsActive(Led));
    }

    [Fact]
    public void Constant_Impulse2000_RisesAtOnceAndFallsExactlyAtTheEnd()
    {
        _bench.AdvanceTo(10);
        var now = _bench.Scheduler.NowNanoseconds;
        _bench.Scheduler.Start(Led, Waveform.Constant(PinValue.High, now, now + (2000 * Ms), PinValue.Low), token: 1);

        Assert.Equal(PinValue.High, _bench.Chip.GetLevel(Led));
        _bench.AdvanceTo(2009.9999);
        Assert.Equal(PinValue.High, _bench.Chip.GetLevel(Led));
        _bench.AdvanceTo(3000);
        Assert.Equal([(10.0, 1), (2010.0, 0)], _bench.Trace(Led));
        Assert.Equal([(Led, 1L, 2010 * Ms, WaveformEndReason.Completed)], _bench.Listener.Ended);
    }

    [Fact]
    public void StartNow_PlannedThreeMsBeforeTheHandOver_HighForTheFullDurationFromTheWrite()
    {
        var planned = _bench.Scheduler.NowNanoseconds;
        _bench.AdvanceTo(3); // the planning thread was preempted for 3 ms before handing over

        var start = _bench.Scheduler.StartNow(Led, Waveform.Constant(PinValue.High, planned, planned + (5 * Ms), PinValue.Low), token: 1);
        _bench.AdvanceTo(20);

        Assert.Equal(3 * Ms, start);
        Assert.Equal([(3.0, 1), (8.0, 0)], _bench.Trace(Led));
        Assert.Equal([(Led, 1L, 8 * Ms, WaveformEndReason.Completed)], _bench.Listener.Ended);
    }

    [Fact]
    public void Start_PlannedThreeMsBeforeTheHandOver_KeepsThePlannedEnd()
    {
        var planned = _bench.Scheduler.NowNanoseconds;
        _bench.AdvanceTo(3);

        _bench.Scheduler.Start(Led, Waveform.Constant(PinValue.High, planned, planned + (5 * Ms), PinValue.Low), token: 1);
        _bench.AdvanceTo(20);

        Assert.Equal([(3.0, 1), (5.0, 0)], _bench.Trace(Led));
    }

    [Fact]
    public void StartNow_SquareInterruptingARunningWaveform_CutAndNewPhaseAtTheSameInstant()
    {
        _bench.Scheduler.Start(Led, Waveform.Constant(PinValue.High, 0, 100 * Ms, PinValue.Low), token: 1);
        _bench.AdvanceTo(10);
        var planned = _bench.Scheduler.NowNanoseconds;
        _bench.AdvanceTo(12);

        _bench.Scheduler.StartNow(Led, Waveform.Square(4 * Ms, 4 * Ms, planned, planned + (16 * Ms)), token: 2);
        _bench.AdvanceTo(100);

        Assert.Equal([(0.0, 1), (16.0, 0), (20.0, 1), (24.0, 0)], _bench.Trace(Led));
        Assert.Equal([(Led, 1L, 12 * Ms, WaveformEndReason.Interrupted), (Led, 2L, 28 * Ms, WaveformEndReason.Completed)], _bench.Listener.Ended);
    }

    [Fact]
    public void Square_TenThousandPeriods_EveryEdgeOnTheGridWithoutDrift()
    {
        const int periods = 10_000;
        const long high = 300_000;
        const long period = 1_000_000;
        _bench.Scheduler.Start(Led, Waveform.Square(high, period - high, 0, periods * period));
        _bench.AdvanceTo(periods + 5);

        var trace = _bench.Chip.Transitions(Led);
        Assert.Equal(2 * periods, trace.Count);
        for (var k = 0; k < periods; k++)
        {
            Assert.Equal((k * period, PinValue.High), (trace[2 * k].TimestampNanoseconds, trace[2 * k].Level));
            Assert.Equal(((k * period) + high, PinValue.Low), (trace[(2 * k) + 1].TimestampNanoseconds, trace[(2 * k) + 1].Level));
        }
    }

    [Fact]
    public void Chaining_ListenerStartsTheNextAtTheEndTimestamp_CommandsJoinWithoutGapOrDrift()
    {
        var chain = new ChainingListener(_bench);
        using var scheduler = EdgeScheduler.Create(_bench.Controller, _bench.Clock, listener: chain);
        _bench.Controller.OpenPin(18, PinMode.Output);
        _bench.Chip.ClearTransitions();
        chain.Scheduler = scheduler;
        chain.Next.Enqueue(start => Waveform.Constant(PinValue.High, start, start + (500 * Ms), PinValue.High));
        chain.Next.Enqueue(start => Waveform.Square(50 * Ms, 50 * Ms, start, start + (300 * Ms)));

        scheduler.Start(18, Waveform.Square(100 * Ms, 100 * Ms, 0, 1000 * Ms));
        _bench.AdvanceTo(5000);

        (double, int)[] expected =
        [
            (0, 1), (100, 0), (200, 1), (300, 0), (400, 1), (500, 0), (600, 1), (700, 0), (800, 1), (900, 0),
            (1000, 1),
            (1550, 0), (1600, 1), (1650, 0), (1700, 1), (1750, 0),
        ];
        Assert.Equal(expected, _bench.Trace(18));
        Assert.Equal([1000 * Ms, 1500 * Ms, 1800 * Ms], chain.Ends);
    }

    [Fact]
    public void Start_StartInThePast_KeepsThePhaseGrid()
    {
        _bench.AdvanceTo(1003);
        _bench.Scheduler.Start(Led, Waveform.Square(100 * Ms, 100 * Ms, 1000 * Ms, 1600 * Ms));
        _bench.AdvanceTo(2000);
        Assert.Equal([(1003.0, 1), (1100.0, 0), (1200.0, 1), (1300.0, 0), (1400.0, 1), (1500.0, 0)], _bench.Trace(Led));
    }

    [Fact]
    public void Cancel_MidWave_CutsAtTheCutInstantAndLeavesTheAskedLevel()
    {
        _bench.Scheduler.Start(Led, Waveform.Square(100 * Ms, 100 * Ms, 0, Waveform.NoEnd, PinValue.High), token: 3);
        _bench.AdvanceTo(250);
        Assert.Equal(PinValue.High, _bench.Chip.GetLevel(Led));

        var cut = _bench.Scheduler.Cancel(Led, PinValue.Low);
        _bench.AdvanceTo(2000);

        Assert.Equal(250 * Ms, cut);
        Assert.Equal([(0.0, 1), (100.0, 0), (200.0, 1), (250.0, 0)], _bench.Trace(Led));
        Assert.Equal([(Led, 3L, 250 * Ms, WaveformEndReason.Interrupted)], _bench.Listener.Ended);
        Assert.False(_bench.Scheduler.IsActive(Led));
    }

    [Fact]
    public void Cancel_WithoutLevel_LeavesTheWaveformsFinalLevel()
    {
        _bench.Scheduler.Start(Led, Waveform.Square(100 * Ms, 100 * Ms, 0, 5000 * Ms, PinValue.High));
        _bench.AdvanceTo(150);
        _bench.Scheduler.Cancel(Led);
        _bench.AdvanceTo(1000);
        Assert.Equal([(0.0, 1), (100.0, 0), (150.0, 1)], _bench.Trace(Led));
    }

    [Fact]
    public void Start_WhileAnotherRuns_InterruptsItAtOnce()
    {
        _bench.Scheduler.Start(Led, Waveform.Square(100 * Ms, 100 * Ms, 0), token: 1);
        _bench.AdvanceTo(350);
        _bench.Scheduler.Start(Led, Waveform.Constant(PinValue.High, _bench.Scheduler.NowNanoseconds), token: 2);
        _bench.AdvanceTo(1000);

        Assert.Equal([(0.0, 1), (100.0, 0), (200.0, 1), (300.0, 0), (350.0, 1)], _bench.Trace(Led));
        Assert.Equal([(Led, 1L, 350 * Ms, WaveformEndReason.Interrupted)], _bench.Listener.Ended);
    }

    [Fact]
    public void Start_WhileOneWaits_SupersedesTheWaitingOne()
    {
        _bench.Scheduler.Start(Led, Waveform.Constant(PinValue.High, 500 * Ms), token: 1);
        _bench.AdvanceTo(100);
        _bench.Scheduler.Start(Led, Waveform.Constant(PinValue.High, 600 * Ms), token: 2);
        _bench.AdvanceTo(1000);

        Assert.Equal([(600.0, 1)], _bench.Trace(Led));
        Assert.Equal([(Led, 1L, 100 * Ms, WaveformEndReason.Superseded)], _bench.Listener.Ended);
    }

    [Fact]
    public void Start_QueuedForTheEndInstant_TakesOverWithoutAGlitch()
    {
        _bench.Scheduler.Start(Led, Waveform.Constant(PinValue.High, 0, 1000 * Ms, PinValue.Low), token: 1);
        _bench.Scheduler.Start(Led, Waveform.Constant(PinValue.High, 1000 * Ms, 2000 * Ms, PinValue.Low), token: 2);
        _bench.AdvanceTo(3000);

        Assert.Equal([(0.0, 1), (2000.0, 0)], _bench.Trace(Led));
        Assert.Equal(
            [(Led, 1L, 1000 * Ms, WaveformEndReason.Completed), (Led, 2L, 2000 * Ms, WaveformEndReason.Completed)],
            _bench.Listener.Ended);
    }

    [Theory]
    [InlineData(100, 0.25)]
    [InlineData(100, 0.5)]
    [InlineData(1000, 0.3)]
    [InlineData(1000, 0.75)]
    public void SoftwarePwm_FixedDuty_FrequencyAndDutyMeasuredFromTheLogAreExact(double frequency, double duty)
    {
        var period = (long)(1e9 / frequency);
        var high = (long)Math.Round(duty * period);
        _bench.Scheduler.Start(Led, Waveform.Pwm(frequency, duty, 0));
        _bench.AdvanceTo(2000);

        var trace = _bench.Chip.Transitions(Led);
        var rising = trace.Where(t => t.Level.IsHigh).Select(t => t.TimestampNanoseconds).ToArray();
        var falling = trace.Where(t => !t.Level.IsHigh).Select(t => t.TimestampNanoseconds).ToArray();
        Assert.Equal((int)(2 * frequency) + 1, rising.Length);
        Assert.All(rising.Zip(rising.Skip(1)), p => Assert.Equal(period, p.Second - p.First));
        Assert.All(rising.Zip(falling), p => Assert.Equal(high, p.Second - p.First));
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(1.0, 1)]
    public void SoftwarePwm_DutyZeroOrOne_HoldsOneLevelWithoutEdges(double duty, int level)
    {
        _bench.Scheduler.Start(Led, Waveform.Pwm(100, duty, 0));
        _bench.AdvanceTo(1000);
        Assert.Equal(level == 1 ? [(0.0, 1)] : [], _bench.Trace(Led));
    }

    [Fact]
    public void Fade_PulseOneSecondInOneSecondOut_DutyFollowsTheRampInFadeSteps()
    {
        _bench.Scheduler.Start(Led, Waveform.Fade(100, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(10), 0, 4000 * Ms));
        _bench.AdvanceTo(5000);

        var expected = new List<(double, int)>();
        var level = 0;
        for (var k = 0; k < 400; k++)
        {
            var phase = (k % 200) / 100.0;
            var duty = phase <= 1 ? phase : 2 - phase;
            var high = Math.Round(duty * 10, 6);
            void Set(double at, int value)
            {
                if (value != level)
                {
                    expected.Add((at, value));
                    level = value;
                }
            }

            if (high > 0)
            {
                Set(k * 10, 1);
            }

            if (high < 10)
            {
                Set((k * 10) + high, 0);
            }
        }

        var actual = _bench.Trace(Led).Select(t => (Math.Round(t.Ms, 6), t.Level)).ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ProcessDue_ManyLinesDueTogether_WrittenInOneCallAtOneTimestamp()
    {
        var counting = new CountingDriver(_bench.Chip);
        using var controller = new GpioController(counting, "many");
        using var scheduler = EdgeScheduler.Create(controller, _bench.Clock);
        var lines = Enumerable.Range(0, 28).Where(l => l != Led).ToArray();
        foreach (var line in lines)
        {
            controller.OpenPin(line, PinMode.Output);
        }

        foreach (var line in lines)
        {
            scheduler.Start(line, Waveform.Square(5 * Ms, 5 * Ms, 10 * Ms));
        }

        _bench.Chip.ClearTransitions();
        counting.Reset();
        _bench.AdvanceTo(10);

        Assert.Equal(1, counting.MultiWrites);
        Assert.Equal(0, counting.SingleWrites);
        var stamps = _bench.Chip.Transitions().Select(t => t.TimestampNanoseconds).Distinct().ToArray();
        Assert.Equal([10 * Ms], stamps);
        Assert.Equal(lines.Length, _bench.Chip.Transitions().Count);
    }

    [Fact]
    public void Statistics_VirtualClock_EveryEdgeOnTime()
    {
        _bench.Scheduler.Start(Led, Waveform.Square(1 * Ms, 1 * Ms, 1 * Ms, 101 * Ms));
        _bench.AdvanceTo(200);
        var stats = _bench.Scheduler.GetStatistics();
        Assert.Equal(100, stats.EdgeCount);
        Assert.Equal(0, stats.MaxNanoseconds);
        Assert.Equal(0, stats.P99Nanoseconds);
    }

    [Fact]
    public void Start_InputLine_FailsAndChangesNothing()
    {
        _bench.Controller.OpenPin(5, PinMode.Input);
        var error = Assert.Throws<GpioInvalidArgumentException>(() => _bench.Scheduler.Start(5, Waveform.Constant(PinValue.High, 0)));
        Assert.Contains("open as an input", error.Message, StringComparison.Ordinal);
        Assert.False(_bench.Scheduler.IsActive(5));
        Assert.Throws<GpioInvalidArgumentException>(() => _bench.Scheduler.Start(6, Waveform.Constant(PinValue.High, 0)));
    }

    [Fact]
    public void Waveform_BadParameters_RefusedWithTheReason()
    {
        Assert.Contains("positive high and low", Assert.Throws<GpioInvalidArgumentException>(() => Waveform.Square(0, 5, 0)).Message, StringComparison.Ordinal);
        Assert.Contains("end after it starts", Assert.Throws<GpioInvalidArgumentException>(() => Waveform.Constant(PinValue.High, 10, 10)).Message, StringComparison.Ordinal);
        Assert.Contains("outside 0..1", Assert.Throws<GpioInvalidArgumentException>(() => Waveform.Pwm(100, 1.5, 0)).Message, StringComparison.Ordinal);
        Assert.Contains("outside (0, 1000000]", Assert.Throws<GpioInvalidArgumentException>(() => Waveform.Pwm(0, 0.5, 0)).Message, StringComparison.Ordinal);
        Assert.Throws<GpioInvalidArgumentException>(() => Waveform.Fade(100, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, 0));
        var handBuilt = new Waveform { Kind = WaveformKind.Square, StartNanoseconds = 0, EndNanoseconds = Waveform.NoEnd };
        Assert.Throws<GpioInvalidArgumentException>(() => _bench.Scheduler.Start(Led, handBuilt));
        Assert.Empty(_bench.Trace(Led));
    }

    [Fact]
    public void Start_LineClosedUnderTheWaveform_ReportsFaultedAndStops()
    {
        _bench.Scheduler.Start(Led, Waveform.Square(100 * Ms, 100 * Ms, 0), token: 9);
        _bench.Controller.ClosePin(Led);
        _bench.AdvanceTo(500);

        Assert.Equal([(Led, 9L, 100 * Ms, WaveformEndReason.Faulted)], _bench.Listener.Ended);
        Assert.IsType<GpioInvalidArgumentException>(_bench.Scheduler.LastFault);
        Assert.False(_bench.Scheduler.IsActive(Led));
    }

    public void Dispose() => _bench.Dispose();

    /// <summary>Starts the next queued waveform exactly at the end timestamp of the one that completed.</summary>
    private sealed class ChainingListener(VirtualBench bench) : IWaveformListener
    {
        /// <summary>The waveforms to chain, as functions of their start.</summary>
        public Queue<Func<long, Waveform>> Next { get; } = new();

        /// <summary>The end timestamps seen.</summary>
        public List<long> Ends { get; } = [];

        /// <summary>The scheduler to start them on.</summary>
        public EdgeScheduler? Scheduler { get; set; }

        public void OnWaveformEnded(int line, long token, long endNanoseconds, WaveformEndReason reason)
        {
            Assert.Equal(WaveformEndReason.Completed, reason);
            Assert.Equal(endNanoseconds, bench.Scheduler.NowNanoseconds);
            Ends.Add(endNanoseconds);
            if (Next.TryDequeue(out var next))
            {
                Scheduler!.Start(line, next(endNanoseconds));
            }
        }
    }
}
