using RemoteIo.Actors.Gpio.Simulation;
using RemoteIo.Actors.Gpio.Timing;
using Xunit;

namespace RemoteIo.Actors.Gpio.Tests.Timing;

/// <summary>
/// The dedicated-thread scheduler on the real clock: that it runs waveforms to their end, in order,
/// on one or several threads. How exact its edges are is measured by bench/RemoteIo.Bench.Gpio,
/// not asserted here (numbers belong in benchmarks).
/// </summary>
public sealed class EdgeSchedulerRealClockTests : IDisposable
{
    /// <summary>A simulated chip on the system clock.</summary>
    private readonly SimulatedGpioChip _chip = new(TimeProvider.System);

    /// <summary>Its controller.</summary>
    private readonly GpioController _controller;

    /// <summary>Waveform ends.</summary>
    private readonly RecordingWaveformListener _listener = new();

    public EdgeSchedulerRealClockTests() => _controller = new GpioController(new SimulatedGpioDriver(_chip), "realclock");

    [Fact]
    public void Create_SystemClock_UsesDedicatedThreads()
    {
        using var scheduler = EdgeScheduler.Create(_controller, TimeProvider.System);
        Assert.True(scheduler.UsesDedicatedThreads);
        using var virtualScheduler = EdgeScheduler.Create(_controller, new TestKit.ManualTimeProvider());
        Assert.False(virtualScheduler.UsesDedicatedThreads);
    }

    [Fact]
    public void Impulse_RealClock_RisesThenFallsNoEarlierThanItsEnd()
    {
        using var scheduler = EdgeScheduler.Create(_controller, TimeProvider.System, listener: _listener);
        _controller.OpenPin(17, PinMode.Output);
        WarmUp(scheduler, 17);

        // Starts in the future and lasts a second: a waveform whose whole span is already past when
        // the thread gets to it (a slow call or a starved thread on a loaded machine) rightly
        // completes without a pulse, and warm threads were still once starved for over 140 ms.
        var start = scheduler.NowNanoseconds + 50_000_000;
        var end = start + 1_000_000_000;
        scheduler.Start(17, Waveform.Constant(PinValue.High, start, end, PinValue.Low), token: 5);

        var ended = _listener.WaitFor(1, TimeSpan.FromSeconds(10));
        Assert.Equal([(17, 5L, end, WaveformEndReason.Completed)], ended);
        var trace = _chip.Transitions(17);
        Assert.Equal([PinValue.High, PinValue.Low], trace.Select(t => t.Level));
        Assert.True(trace[0].TimestampNanoseconds >= start, $"rose at {trace[0].TimestampNanoseconds}, due {start}");
        Assert.True(trace[1].TimestampNanoseconds >= end, $"fell at {trace[1].TimestampNanoseconds}, due {end}");
        Assert.Equal(2, scheduler.GetStatistics().EdgeCount);
    }

    [Fact]
    public void Start_WholeSpanAlreadyPast_CompletesAtOnceAtItsFinalLevel()
    {
        using var scheduler = EdgeScheduler.Create(_controller, TimeProvider.System, listener: _listener);
        _controller.OpenPin(17, PinMode.Output, PinValue.High);
        var now = scheduler.NowNanoseconds;
        scheduler.Start(17, Waveform.Square(1_000_000, 1_000_000, now - 50_000_000, now - 10_000_000, PinValue.Low), token: 2);
        Assert.Equal([(17, 2L, now - 10_000_000, WaveformEndReason.Completed)], _listener.Ended);
        Assert.Equal(PinValue.Low, _chip.GetLevel(17));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Square_FourLinesOnOneOrTwoThreads_AllRunToTheirEndAlternating(int threads)
    {
        using var scheduler = EdgeScheduler.Create(_controller, TimeProvider.System, EdgeSchedulerOptions.Default.WithThreadCount(threads), _listener);
        int[] lines = [5, 6, 12, 13];
        foreach (var line in lines)
        {
            _controller.OpenPin(line, PinMode.Output);
        }

        WarmUp(scheduler, lines);
        // In the future and 800 ms long, so neither a slow call nor a starved thread on a loaded
        // machine puts the whole span in the past (a 40 ms span starting in 100 ms once got no edge
        // on a warm thread: 1 of 2 loaded runs of the whole solution).
        var start = scheduler.NowNanoseconds + 100_000_000;
        foreach (var line in lines)
        {
            scheduler.Start(line, Waveform.Square(20_000_000, 20_000_000, start, start + 800_000_000), token: line);
        }

        var ended = _listener.WaitFor(lines.Length, TimeSpan.FromSeconds(10));
        Assert.Equal(lines.Order(), ended.Select(e => e.Line).Order());
        Assert.All(ended, e => Assert.Equal(WaveformEndReason.Completed, e.Reason));
        foreach (var line in lines)
        {
            // A thread that wakes later than a whole phase (a loaded machine) skips the missed edges
            // and stays on the grid, so the count may be lower; the order never breaks.
            var trace = _chip.Transitions(line);
            Assert.InRange(trace.Count, 2, 40);
            Assert.All(trace.Select((t, i) => (t, i)), p => Assert.Equal(p.i % 2 == 0, p.t.Level.IsHigh));
            Assert.True(trace[0].TimestampNanoseconds >= start);
            Assert.Equal(PinValue.Low, _chip.GetLevel(line));
        }
    }

    [Fact]
    public void Cancel_RealClock_StopsTheThreadsEdgesAtOnce()
    {
        using var scheduler = EdgeScheduler.Create(_controller, TimeProvider.System, listener: _listener);
        _controller.OpenPin(22, PinMode.Output);
        scheduler.Start(22, Waveform.Square(1_000_000, 1_000_000, scheduler.NowNanoseconds), token: 1);
        var cut = scheduler.Cancel(22, PinValue.Low);
        var count = _chip.TransitionCount;
        var ended = _listener.WaitFor(1, TimeSpan.FromSeconds(10));
        Assert.Equal([(22, 1L, cut, WaveformEndReason.Interrupted)], ended);
        Assert.Equal(PinValue.Low, _chip.GetLevel(22));
        Assert.False(scheduler.IsActive(22));
        Assert.Equal(count, _chip.TransitionCount);
    }

    [Fact]
    public void Blink1Ms_BudgetOfAWholeCore_ThreadSpinsOnlyPartOfTheTime()
    {
        // A 1 ms blink is dense for a 1 ms spin window: even with budget for a whole core the thread
        // spins only its learned wake-up latency (at most 200 µs) before each edge, not window after
        // window, which kept a core busy for the whole blink and made the threads its edges wake
        // wait behind it.
        var options = EdgeSchedulerOptions.Default.WithSpinWindow(TimeSpan.FromMilliseconds(1)).WithSpinBudget(1.0);
        using var scheduler = (ThreadedEdgeScheduler)EdgeScheduler.Create(_controller, TimeProvider.System, options, _listener);
        _controller.OpenPin(22, PinMode.Output);
        WarmUp(scheduler, 22);
        var spunBefore = scheduler.SpunNanoseconds;
        var start = scheduler.NowNanoseconds + 10_000_000;
        scheduler.Start(22, Waveform.Square(1_000_000, 1_000_000, start, start + 300_000_000), token: 1);

        Assert.Single(_listener.WaitFor(1, TimeSpan.FromSeconds(10)));
        var spun = scheduler.SpunNanoseconds - spunBefore;
        Assert.True(spun < 150_000_000, $"spun {spun / 1_000_000.0:F1} ms of a 300 ms blink");
    }

    public void Dispose() => _controller.Dispose();

    /// <summary>
    /// Runs a 1 ms impulse on each line (so on every timing thread that serves them) and waits for
    /// their ends, then forgets them. A fresh thread's first waveform (the thread configuring itself,
    /// its loop compiled) on a loaded machine once came more than a checked impulse's whole span
    /// late (1 of 7 loaded suite runs, 1 of 10 loaded runs of this class), and a span wholly past is
    /// rightly skipped; the checked waveforms run on warm threads.
    /// </summary>
    private void WarmUp(EdgeScheduler scheduler, params int[] lines)
    {
        var now = scheduler.NowNanoseconds;
        foreach (var line in lines)
        {
            scheduler.Start(line, Waveform.Constant(PinValue.High, now, now + 1_000_000, PinValue.Low), token: -line);
        }

        _listener.WaitFor(lines.Length, TimeSpan.FromSeconds(10));
        _listener.Clear();
        _chip.ClearTransitions();
        scheduler.ResetStatistics();
    }
}
