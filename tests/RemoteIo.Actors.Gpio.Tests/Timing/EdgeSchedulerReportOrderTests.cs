using RemoteIo.Actors.Gpio.Simulation;
using RemoteIo.Actors.Gpio.Timing;
using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Gpio.Tests.Timing;

/// <summary>
/// One line's waveform ends reach the listener in the order they happened, even when the timing
/// thread (or timer) and a caller of Start end waveforms of the line at the same time. The
/// interleaving is forced: the listener holds the timing side's report until the caller's call has
/// returned (RealClockTests once saw command 1345 complete before 1344).
/// </summary>
public sealed class EdgeSchedulerReportOrderTests
{
    /// <summary>Nanoseconds per millisecond.</summary>
    private const long Ms = VirtualBench.Ms;

    /// <summary>The line.</summary>
    private const int Led = 17;

    /// <summary>How long a wait for the other thread may take before the test fails.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public void Report_CallerEndsAWaveformWhileTheTimerStillReportsAnEarlierEnd_EndsArriveInOrder()
    {
        var clock = new ManualTimeProvider();
        var listener = new GatedWaveformListener();
        using var controller = new GpioController(new SimulatedGpioDriver(new SimulatedGpioChip(clock)), "order");
        using var scheduler = EdgeScheduler.Create(controller, clock, listener: listener);
        controller.OpenPin(Led, PinMode.Output);
        scheduler.Start(Led, Waveform.Constant(PinValue.High, 0, 10 * Ms, PinValue.Low), token: 1);
        scheduler.Start(Led, Waveform.Constant(PinValue.High, 50 * Ms, 60 * Ms, PinValue.Low), token: 2);
        listener.HoldNext();

        // The timer ends waveform 1 at 10 ms on another thread; its report is held there.
        var timer = new Thread(() => clock.Advance(TimeSpan.FromMilliseconds(20))) { IsBackground = true };
        timer.Start();
        try
        {
            listener.WaitUntilHeld(Patience);
            scheduler.Start(Led, Waveform.Constant(PinValue.Low, 10 * Ms), token: 3); // supersedes waveform 2
        }
        finally
        {
            listener.Release();
        }

        Assert.True(timer.Join(Patience), "the timer callback did not return");
        Assert.Equal(
            [(Led, 1L, 10 * Ms, WaveformEndReason.Completed), (Led, 2L, 10 * Ms, WaveformEndReason.Superseded)],
            listener.Recorder.WaitFor(2, Patience));
    }

    [Fact]
    public void Report_CallerEndsAWaveformWhileTheTimingThreadStillReportsAnEarlierEnd_EndsArriveInOrder()
    {
        var listener = new GatedWaveformListener();
        using var controller = new GpioController(new SimulatedGpioDriver(new SimulatedGpioChip(TimeProvider.System)), "order");
        using var scheduler = EdgeScheduler.Create(controller, TimeProvider.System, listener: listener);
        controller.OpenPin(Led, PinMode.Output);
        listener.HoldNext();
        var now = scheduler.NowNanoseconds;

        // StartNow: a first (JIT-compiling) call slower than 1 ms must not end waveform 1 on this thread.
        scheduler.StartNow(Led, Waveform.Constant(PinValue.High, now, now + (1 * Ms), PinValue.Low), token: 1);
        scheduler.Start(Led, Waveform.Constant(PinValue.High, now + (3_600_000 * Ms), Waveform.NoEnd), token: 2);
        try
        {
            // The timing thread ends waveform 1 and is held reporting it; this thread then supersedes waveform 2.
            listener.WaitUntilHeld(Patience);
            scheduler.Start(Led, Waveform.Constant(PinValue.Low, scheduler.NowNanoseconds), token: 3);
        }
        finally
        {
            listener.Release();
        }

        var ended = listener.Recorder.WaitFor(2, Patience);
        Assert.Equal([(1L, WaveformEndReason.Completed), (2L, WaveformEndReason.Superseded)], ended.Select(e => (e.Token, e.Reason)));
        Assert.True(ended[0].End <= ended[1].End, $"ended at {ended[0].End} and {ended[1].End}");
    }
}
