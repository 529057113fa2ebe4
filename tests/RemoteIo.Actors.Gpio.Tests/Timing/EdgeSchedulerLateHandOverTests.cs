using RemoteIo.Actors.Gpio.Simulation;
using RemoteIo.Actors.Gpio.Timing;
using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Gpio.Tests.Timing;

/// <summary>
/// Queued waveforms (<see cref="EdgeScheduler.StartQueued"/>) taken over late: a write on another
/// line of the lane that takes long, or a caller that hands a command over after its planned start.
/// The clock jumps inside the slow write (virtual time, no sleeps), so each case is exact.
/// </summary>
public sealed class EdgeSchedulerLateHandOverTests : IDisposable
{
    /// <summary>Nanoseconds per millisecond.</summary>
    private const long Ms = VirtualBench.Ms;

    /// <summary>The line whose write is slow.</summary>
    private const int Slow = 5;

    /// <summary>The line running the queue.</summary>
    private const int Queue = 17;

    /// <summary>The clock: a manual clock that jumps inside the slow write.</summary>
    private readonly JumpingClock _clock = new(new ManualTimeProvider());

    /// <summary>The chip, stamping transitions on <see cref="_clock"/>.</summary>
    private readonly SimulatedGpioChip _chip;

    /// <summary>The driver whose writes can be made slow.</summary>
    private readonly CountingDriver _driver;

    /// <summary>The controller.</summary>
    private readonly GpioController _controller;

    /// <summary>Runs the queue and records its ends.</summary>
    private readonly QueueRunner _runner = new();

    /// <summary>The scheduler under test (the virtual clock's single lane holds both lines).</summary>
    private readonly EdgeScheduler _scheduler;

    /// <summary>How long the next write of <see cref="Slow"/> takes, in ms; 0 for an ordinary write.</summary>
    private double _stallMs;

    public EdgeSchedulerLateHandOverTests()
    {
        _chip = new SimulatedGpioChip(_clock, transitionLogCapacity: 1 << 16);
        _driver = new CountingDriver(_chip);
        _controller = new GpioController(_driver, "late");
        _scheduler = EdgeScheduler.Create(_controller, _clock, listener: _runner);
        _runner.Scheduler = _scheduler;
        _controller.OpenPin(Slow, PinMode.Output);
        _controller.OpenPin(Queue, PinMode.Output);
        _chip.ClearTransitions();
        _driver.AfterWrite = line =>
        {
            if (line == Slow && _stallMs > 0)
            {
                _clock.Jump(TimeSpan.FromMilliseconds(_stallMs));
                _stallMs = 0;
            }
        };
    }

    [Fact]
    public void StartQueued_WriteOnAnotherLineTakes100Ms_EveryQueuedCommandRunsItsFullDurationInOrder()
    {
        // on/off of 20 ms each, queued as in wait mode; at 15 ms a write on the other line takes
        // 100 ms — longer than a whole queued command (LinkFailureTests saw 16 and 18 of 20 edges).
        _runner.Run(Queue, Commands(6, 20 * Ms));
        SlowFallAt(15, stallMs: 100);

        _clock.AdvanceTo(TimeSpan.FromMilliseconds(400));

        // The running on() holds through the stall; each queued command then starts when it is written.
        Assert.Equal([(0.0, 1), (115.0, 0), (135.0, 1), (155.0, 0), (175.0, 1), (195.0, 0)], Trace(Queue));
        var ended = _runner.Ended;
        Assert.Equal([1L, 2, 3, 4, 5, 6], ended.Select(e => e.Token));
        Assert.All(ended, e => Assert.Equal(WaveformEndReason.Completed, e.Reason));
        Assert.Equal((0L, 115 * Ms), (ended[0].Start, ended[0].End));
        Assert.All(ended.Skip(1), e => Assert.Equal(20 * Ms, e.End - e.Start));
        Assert.All(ended.Zip(ended.Skip(1)), p => Assert.Equal(p.First.End, p.Second.Start));
        Assert.Equal(115 * Ms, ended[1].Start);
    }

    [Fact]
    public void StartQueued_HandOverLateWithinTheTolerance_KeepsThePlannedGridWithoutDrift()
    {
        // A 0.5 ms stall ends 0.3 ms after the hand-over at 20 ms: wake-up jitter, not a stall.
        _runner.Run(Queue, Commands(6, 20 * Ms));
        SlowFallAt(19.8, stallMs: 0.5);

        _clock.AdvanceTo(TimeSpan.FromMilliseconds(400));

        Assert.Equal([(0.0, 1), (20.3, 0), (40.0, 1), (60.0, 0), (80.0, 1), (100.0, 0)], Trace(Queue));
        Assert.Equal([20 * Ms, 40 * Ms, 60 * Ms, 80 * Ms, 100 * Ms, 120 * Ms], _runner.Ended.Select(e => e.End));
    }

    [Fact]
    public void StartQueued_LateByHalfItsDurationThoughWithinTheTolerance_MovedSoItIsNotCutShort()
    {
        // 0.4 ms commands after a 1 ms one; the hand-over at 1 ms comes 0.3 ms late: within 1 ms, but
        // keeping the grid would leave 0.1 of 0.4 ms.
        _runner.Run(Queue, (PinValue.High, 1 * Ms), (PinValue.Low, 400_000), (PinValue.High, 400_000));
        SlowFallAt(0.9, stallMs: 0.4);

        _clock.AdvanceTo(TimeSpan.FromMilliseconds(10));

        Assert.Equal([(0.0, 1), (1.3, 0), (1.7, 1), (2.1, 0)], Trace(Queue));
        Assert.Equal([1_300_000L, 1_700_000, 2_100_000], _runner.Ended.Select(e => e.End));
    }

    [Fact]
    public void StartQueued_HandedOverAfterItsPlannedStartWhileTheLaneIsLateToo_PredecessorEndsThereAndItRunsInFull()
    {
        _runner.Observe(Queue);
        _scheduler.Start(Queue, Waveform.Constant(PinValue.High, 0, 20 * Ms, PinValue.Low), token: 1);

        // Caller and timer both 50 ms late: the running waveform's end (20 ms) has not been processed yet.
        _clock.Jump(TimeSpan.FromMilliseconds(50));
        var start = _scheduler.StartQueued(Queue, Waveform.Constant(PinValue.Low, 20 * Ms, 40 * Ms, PinValue.Low), token: 2);
        var third = _scheduler.StartQueued(Queue, Waveform.Constant(PinValue.High, 70 * Ms, 90 * Ms, PinValue.Low), token: 3);
        _clock.AdvanceTo(TimeSpan.FromMilliseconds(200));

        Assert.Equal((50 * Ms, 70 * Ms), (start, third));
        Assert.Equal([(0.0, 1), (50.0, 0), (70.0, 1), (90.0, 0)], Trace(Queue));
        Assert.Equal([(1L, 50 * Ms), (2L, 70 * Ms), (3L, 90 * Ms)], _runner.Ended.Select(e => (e.Token, e.End)));
    }

    [Fact]
    public void StartQueued_HandedOverAfterItsWholeSpanOnAnIdleLine_StartsAtTheCallWithItsFullDuration()
    {
        _clock.AdvanceTo(TimeSpan.FromMilliseconds(100));

        var start = _scheduler.StartQueued(Queue, Waveform.Constant(PinValue.High, 10 * Ms, 15 * Ms, PinValue.Low), token: 4);
        _clock.AdvanceTo(TimeSpan.FromMilliseconds(200));

        Assert.Equal(100 * Ms, start);
        Assert.Equal([(100.0, 1), (105.0, 0)], Trace(Queue));
    }

    [Fact]
    public void Start_WriteOnAnotherLineTakes100Ms_PendingKeepsItsTimestamps()
    {
        // Start (not StartQueued) honours its explicit timestamps: a span wholly past is skipped.
        _scheduler.Start(Queue, Waveform.Constant(PinValue.High, 0, 20 * Ms, PinValue.Low), token: 1);
        _scheduler.Start(Queue, Waveform.Constant(PinValue.High, 20 * Ms, 40 * Ms, PinValue.Low), token: 2);
        SlowFallAt(15, stallMs: 100);

        _clock.AdvanceTo(TimeSpan.FromMilliseconds(400));

        Assert.Equal([(0.0, 1), (115.0, 0)], Trace(Queue));
    }

    public void Dispose()
    {
        _scheduler.Dispose();
        _controller.Dispose();
    }

    /// <summary><paramref name="count"/> commands alternating on and off, each <paramref name="duration"/> ns.</summary>
    private static (PinValue, long)[] Commands(int count, long duration) =>
        [.. Enumerable.Range(0, count).Select(i => (i % 2 == 0 ? PinValue.High : PinValue.Low, duration))];

    /// <summary>Makes <see cref="Slow"/> fall at <paramref name="atMs"/>, its write taking <paramref name="stallMs"/>.</summary>
    private void SlowFallAt(double atMs, double stallMs)
    {
        _scheduler.Start(Slow, Waveform.Constant(PinValue.High, 0, (long)Math.Round(atMs * Ms), PinValue.Low));
        _stallMs = stallMs;
    }

    /// <summary>A line's transitions as (ms, level).</summary>
    private (double Ms, int Level)[] Trace(int line) =>
        [.. _chip.Transitions(line).Select(t => (Math.Round((double)t.TimestampNanoseconds / Ms, 6), t.Level.AsInt))];
}
