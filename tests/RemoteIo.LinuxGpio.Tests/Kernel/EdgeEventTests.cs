using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Linux;
using RemoteIo.Actors.Gpio.Tests.Contract;
using RemoteIo.LinuxGpio.Tests.Sim;
using Xunit;

namespace RemoteIo.LinuxGpio.Tests.Kernel;

/// <summary>
/// Edge events as the kernel delivers them: its CLOCK_MONOTONIC timestamps, its per-line sequence
/// numbers, and events that pile up in its queue while our reader is busy. Each toggle waits for
/// its event first: irq_sim coalesces interrupts that come faster than they are handled.
/// </summary>
public sealed class EdgeEventTests : IDisposable
{
    /// <summary>How long to wait for an event under TCG.</summary>
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Both edges.</summary>
    private static readonly LineSettings BothEdges = LineSettings.Input.WithEdgeDetection(PinEventTypes.Rising | PinEventTypes.Falling);

    /// <summary>The chip.</summary>
    private readonly GpioSimChip _chip = GpioSimChip.Create("edges", lines: 8);

    [Fact]
    public void EdgeEvents_Toggles_CarryTheKernelsMonotonicTimestampOfEachEdge()
    {
        _chip.Drive(3, high: false);
        using var controller = Open([3]);
        var listener = Listen(controller, 3);
        var windows = new List<(long Before, long After)>();

        for (var i = 1; i <= 3; i++)
        {
            var before = Monotonic.Nanoseconds;
            _chip.Drive(3, high: i % 2 == 1);
            listener.WaitFor(i, EventTimeout);
            windows.Add((before, Monotonic.Nanoseconds));
        }

        var events = listener.Events;
        Assert.Equal([PinEventTypes.Rising, PinEventTypes.Falling, PinEventTypes.Rising], events.Select(e => e.Kind));
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.LineSequence));
        for (var i = 0; i < 3; i++)
        {
            // The kernel stamps the interrupt, which happens after our write started and before we saw the event.
            Assert.InRange(events[i].TimestampNanoseconds, windows[i].Before, windows[i].After);
        }
    }

    [Fact]
    public void EdgeEvents_LinesOfOneRequest_SequenceCountsAllLinesAndLineSequenceEachLine()
    {
        _chip.Drive(4, high: false);
        _chip.Drive(5, high: false);
        using var controller = Open([4, 5]);
        var listener = new RecordingEdgeListener();
        controller.AddEdgeListener(4, listener);
        controller.AddEdgeListener(5, listener);

        _chip.Drive(4, high: true);
        listener.WaitFor(1, EventTimeout);
        _chip.Drive(5, high: true);
        listener.WaitFor(2, EventTimeout);
        _chip.Drive(4, high: false);
        var events = listener.WaitFor(3, EventTimeout);

        Assert.Equal([(4, PinEventTypes.Rising, 1L), (5, PinEventTypes.Rising, 1L), (4, PinEventTypes.Falling, 2L)], events.Select(e => (e.Line, e.Kind, e.LineSequence)));
        Assert.Equal([events[0].Sequence, events[0].Sequence + 1, events[0].Sequence + 2], events.Select(e => e.Sequence));
    }

    [Fact]
    public void EdgeEvents_QueuedInTheKernelWhileTheReaderIsBusy_EachArrivesOnce()
    {
        foreach (var line in new[] { 0, 1, 2 })
        {
            _chip.Drive(line, high: false);
        }

        using var controller = Open([0, 1, 2]);
        using var blocking = new BlockingListener();
        var recorder = new RecordingEdgeListener();
        foreach (var line in new[] { 0, 1, 2 })
        {
            controller.AddEdgeListener(line, blocking);
            controller.AddEdgeListener(line, recorder);
        }

        _chip.Drive(0, high: true);
        Assert.True(blocking.Entered.Wait(EventTimeout, TestContext.Current.CancellationToken), "the first edge never reached the listener");

        // The reader thread is held inside the first delivery: these edges queue up in the kernel.
        var before = Monotonic.Nanoseconds;
        _chip.Drive(1, high: true);
        _chip.Drive(2, high: true);
        blocking.Release.Set();

        var events = recorder.WaitFor(3, EventTimeout);
        var after = Monotonic.Nanoseconds;

        // Each line's interrupt thread queues its own event, so edges of different lines that come
        // close together may be queued (and delivered) in either order: seen on 6.1, line 2 before
        // line 1. Per line the order holds; across lines, order by timestamp.
        Assert.Equal(3, events.Count);
        Assert.Equal([0, 1, 2], events.Select(e => e.Line).Order());
        Assert.Equal(0, events[0].Line);
        Assert.All(events, e => Assert.Equal((PinEventTypes.Rising, 1L), (e.Kind, e.LineSequence)));
        Assert.Equal([events[0].Sequence, events[0].Sequence + 1, events[0].Sequence + 2], events.Select(e => e.Sequence));
        Assert.All(events.Skip(1), e => Assert.InRange(e.TimestampNanoseconds, before, after));
    }

    [Fact]
    public void ClosePin_OneLineOfAJointRequest_ItsEdgesAreNoLongerDelivered()
    {
        _chip.Drive(6, high: false);
        using var controller = Open([6, 7]);
        var listener = Listen(controller, 6);
        controller.AddEdgeListener(7, listener);
        controller.ClosePin(6);

        _chip.Drive(6, high: true);
        _chip.Drive(7, high: true);

        // Events arrive in order, so a stray event of line 6 would come before the one of line 7.
        var only = Assert.Single(listener.WaitFor(1, EventTimeout));
        Assert.Equal(7, only.Line);
        Assert.False(controller.IsPinOpen(6));
    }

    public void Dispose() => _chip.Dispose();

    /// <summary>Opens the lines together (one kernel request) with both edges.</summary>
    private GpioController Open(int[] lines)
    {
        var controller = new GpioController(ChardevGpioDriver.Open(_chip.DevicePath), "edge-test");
        controller.OpenLines(lines, BothEdges);
        return controller;
    }

    /// <summary>Registers a recorder for a line.</summary>
    private static RecordingEdgeListener Listen(GpioController controller, int line)
    {
        var listener = new RecordingEdgeListener();
        controller.AddEdgeListener(line, listener);
        return listener;
    }

    /// <summary>Holds the driver's reader thread inside the first delivery until released.</summary>
    private sealed class BlockingListener : IGpioEdgeListener, IDisposable
    {
        /// <summary>Set when the first edge arrives.</summary>
        public ManualResetEventSlim Entered { get; } = new();

        /// <summary>Set by the test to let the reader go on.</summary>
        public ManualResetEventSlim Release { get; } = new();

        /// <inheritdoc />
        public void OnEdge(in GpioEdgeEvent edge)
        {
            Entered.Set();
            Release.Wait(EventTimeout);
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Release.Set();
            Entered.Dispose();
            Release.Dispose();
        }
    }
}
