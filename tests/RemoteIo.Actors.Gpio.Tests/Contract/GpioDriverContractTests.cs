using Xunit;

namespace RemoteIo.Actors.Gpio.Tests.Contract;

/// <summary>
/// The behaviour every <see cref="GpioDriver"/> must have, run against each driver by a subclass
/// that supplies an <see cref="IGpioContractFixture"/> (the subclass's name says which driver ran).
/// Uses only what xunit 2 and xunit.v3 share, so the real-kernel project compiles this file as is.
/// </summary>
public abstract class GpioDriverContractTests : IDisposable
{
    /// <summary>The consumer label of the suite's first controller.</summary>
    protected const string ConsumerA = "contract-a";

    /// <summary>The consumer label of a competing controller.</summary>
    protected const string ConsumerB = "contract-b";

    /// <summary>Controllers to dispose after the test.</summary>
    private readonly List<GpioController> _controllers = [];

    /// <summary>Sets up the suite on a chip.</summary>
    /// <param name="fixture">The chip under test and its other side.</param>
    protected GpioDriverContractTests(IGpioContractFixture fixture)
    {
        Fixture = fixture;
        Assert.True(fixture.FreeLines.Count >= 4, $"the {fixture.DriverName} fixture must offer at least 4 free lines");
        (A, B, C, D) = (fixture.FreeLines[0], fixture.FreeLines[1], fixture.FreeLines[2], fixture.FreeLines[3]);
    }

    /// <summary>The chip under test.</summary>
    protected IGpioContractFixture Fixture { get; }

    /// <summary>A free line.</summary>
    protected int A { get; }

    /// <summary>A second free line.</summary>
    protected int B { get; }

    /// <summary>A third free line.</summary>
    protected int C { get; }

    /// <summary>A fourth free line.</summary>
    protected int D { get; }

    [Fact]
    public void ChipInfo_OpenDriver_NamesTheChipAndCoversTheFreeLines()
    {
        var controller = Open(ConsumerA);
        Assert.False(string.IsNullOrWhiteSpace(controller.ChipInfo.Name));
        Assert.False(string.IsNullOrWhiteSpace(controller.ChipInfo.Label));
        Assert.True(controller.PinCount > Fixture.FreeLines.Max());
        Assert.Equal(controller.ChipInfo.LineCount, controller.PinCount);
    }

    [Fact]
    public void GetLineInfo_FreeLine_ReportsNotInUse()
    {
        var info = Open(ConsumerA).GetLineInfo(A);
        Assert.Equal(A, info.Line);
        Assert.False(info.InUse);
        Assert.Equal(string.Empty, info.Consumer);
    }

    [Fact]
    public void OpenLine_OutputHigh_DrivesPinAtOnceAndShowsConsumer()
    {
        var controller = Open(ConsumerA);
        controller.OpenLine(A, LineSettings.Output.WithInitialValue(PinValue.High));
        Assert.Equal(PinValue.High, Fixture.ObserveOutput(A));
        var info = controller.GetLineInfo(A);
        Assert.True(info.InUse);
        Assert.Equal(ConsumerA, info.Consumer);
        Assert.Equal(LineDirection.Output, info.Direction);
    }

    [Fact]
    public void Write_Output_OtherSideSeesEveryLevel()
    {
        var controller = Open(ConsumerA);
        controller.OpenPin(A, PinMode.Output);
        Assert.Equal(PinValue.Low, Fixture.ObserveOutput(A));
        controller.Write(A, PinValue.High);
        Assert.Equal(PinValue.High, Fixture.ObserveOutput(A));
        controller.Write(A, 0);
        Assert.Equal(PinValue.Low, Fixture.ObserveOutput(A));
    }

    [Fact]
    public void Read_Output_ReturnsTheValueWritten()
    {
        var controller = Open(ConsumerA);
        controller.OpenPin(A, PinMode.Output);
        controller.Write(A, true);
        Assert.Equal(PinValue.High, controller.Read(A));
        controller.Write(A, false);
        Assert.Equal(PinValue.Low, controller.Read(A));
    }

    [Fact]
    public void Write_ActiveLowOutput_DrivesTheInvertedLevel()
    {
        var controller = Open(ConsumerA);
        controller.OpenLine(A, LineSettings.Output.WithActiveLow(true));
        Assert.Equal(PinValue.High, Fixture.ObserveOutput(A));
        controller.Write(A, PinValue.High);
        Assert.Equal(PinValue.Low, Fixture.ObserveOutput(A));
        Assert.True(controller.GetLineInfo(A).ActiveLow);
    }

    [Fact]
    public void Read_InputDrivenFromOutside_FollowsTheLevel()
    {
        var controller = Open(ConsumerA);
        Fixture.DriveInput(A, PinValue.Low);
        controller.OpenPin(A, PinMode.Input);
        Assert.Equal(PinValue.Low, controller.Read(A));
        Fixture.DriveInput(A, PinValue.High);
        Assert.Equal(PinValue.High, controller.Read(A));
        Fixture.DriveInput(A, PinValue.Low);
        Assert.Equal(PinValue.Low, controller.Read(A));
        Assert.Equal(LineDirection.Input, controller.GetLineInfo(A).Direction);
    }

    [Fact]
    public void Read_ActiveLowInput_ReadsTheInvertedLevel()
    {
        var controller = Open(ConsumerA);
        Fixture.DriveInput(A, PinValue.High);
        controller.OpenLine(A, LineSettings.Input.WithActiveLow(true));
        Assert.Equal(PinValue.Low, controller.Read(A));
        Fixture.DriveInput(A, PinValue.Low);
        Assert.Equal(PinValue.High, controller.Read(A));
    }

    [Fact]
    public void OpenLine_InputWithPullUp_ReadsHighAndReportsTheBias()
    {
        var controller = Open(ConsumerA);
        controller.OpenPin(B, PinMode.InputPullUp);
        Assert.Equal(PinValue.High, controller.Read(B));
        Assert.Equal(LineBias.PullUp, controller.GetLineInfo(B).Bias);
    }

    [Fact]
    public void OpenLine_InputWithPullDown_ReadsLowAndReportsTheBias()
    {
        var controller = Open(ConsumerA);
        controller.OpenPin(C, PinMode.InputPullDown);
        Assert.Equal(PinValue.Low, controller.Read(C));
        Assert.Equal(LineBias.PullDown, controller.GetLineInfo(C).Bias);
    }

    [Fact]
    public void EdgeEvents_BothEdges_ReportKindOrderedTimestampsAndSequenceNumbers()
    {
        var listener = OpenWatchedInput(LineSettings.Input.WithEdgeDetection(PinEventTypes.Rising | PinEventTypes.Falling), out _);

        // One edge at a time: the kernel may coalesce edges that come faster than it reports them.
        Fixture.DriveInput(A, PinValue.High);
        listener.WaitFor(1, Fixture.EventTimeout);
        Fixture.DriveInput(A, PinValue.Low);
        var events = listener.WaitFor(2, Fixture.EventTimeout);

        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(A, e.Line));
        Assert.Equal(PinEventTypes.Rising, events[0].Kind);
        Assert.Equal(PinEventTypes.Falling, events[1].Kind);
        Assert.True(events[0].TimestampNanoseconds > 0);
        Assert.True(events[1].TimestampNanoseconds >= events[0].TimestampNanoseconds);
        Assert.Equal(events[0].Sequence + 1, events[1].Sequence);
        Assert.Equal(1, events[0].LineSequence);
        Assert.Equal(2, events[1].LineSequence);
    }

    [Fact]
    public void EdgeEvents_RisingOnly_DoesNotReportFallingEdges()
    {
        var listener = OpenWatchedInput(LineSettings.Input.WithEdgeDetection(PinEventTypes.Rising), out var controller);

        Fixture.DriveInput(A, PinValue.High);
        listener.WaitFor(1, Fixture.EventTimeout);
        Fixture.DriveInput(A, PinValue.Low);
        Assert.Equal(PinValue.Low, controller.Read(A));
        Fixture.DriveInput(A, PinValue.High);

        // Events arrive in order: had the falling edge been reported, it would precede this rising one.
        var events = listener.WaitFor(2, Fixture.EventTimeout);
        Assert.All(events, e => Assert.Equal(PinEventTypes.Rising, e.Kind));
    }

    [Fact]
    public void EdgeEvents_ActiveLowInput_ReportLogicalEdges()
    {
        var listener = OpenWatchedInput(LineSettings.Input.WithActiveLow(true).WithEdgeDetection(PinEventTypes.Rising | PinEventTypes.Falling), out _);

        Fixture.DriveInput(A, PinValue.High);
        var events = listener.WaitFor(1, Fixture.EventTimeout);
        Assert.Equal(PinEventTypes.Falling, events[0].Kind);
    }

    [Fact]
    public void OpenLine_HeldByAnotherConsumer_FailsAsBusyNamingTheConsumer()
    {
        var first = Open(ConsumerA);
        var second = Open(ConsumerB);
        first.OpenPin(A, PinMode.Output);

        var error = Assert.ThrowsAny<GpioLineBusyException>(() => second.OpenPin(A, PinMode.Output));
        Assert.Equal($"line {A} is in use by {ConsumerA}", error.Message);
        Assert.Equal(A, error.Line);
        Assert.False(second.IsPinOpen(A));
        Assert.Equal(ConsumerA, second.GetLineInfo(A).Consumer);
    }

    [Fact]
    public void OpenLines_OneLineHeldElsewhere_RequestsNoneOfThem()
    {
        var first = Open(ConsumerA);
        var second = Open(ConsumerB);
        first.OpenPin(B, PinMode.Input);

        Assert.ThrowsAny<GpioLineBusyException>(() => second.OpenLines([A, B], LineSettings.Output));
        Assert.False(second.GetLineInfo(A).InUse);
        Assert.False(second.IsPinOpen(A));
    }

    [Fact]
    public void ClosePin_HeldLine_FreesItForAnotherConsumer()
    {
        var first = Open(ConsumerA);
        var second = Open(ConsumerB);
        first.OpenPin(A, PinMode.Output);
        first.ClosePin(A);

        Assert.False(first.GetLineInfo(A).InUse);
        second.OpenPin(A, PinMode.Input);
        Assert.Equal(ConsumerB, second.GetLineInfo(A).Consumer);
    }

    [Fact]
    public void ClosePin_OneLineOfAJointRequest_FreesItAndTheOthersKeepDriving()
    {
        var first = Open(ConsumerA);
        var second = Open(ConsumerB);
        first.OpenLines([A, B, C], LineSettings.Output);
        first.Write([new PinValuePair(A, PinValue.High), new PinValuePair(B, PinValue.High), new PinValuePair(C, PinValue.Low)]);

        first.ClosePin(A);

        // The closed line is free for anyone at once, not only when its siblings close.
        Assert.False(second.GetLineInfo(A).InUse);
        second.OpenPin(A, PinMode.Input);
        Assert.Equal(ConsumerB, second.GetLineInfo(A).Consumer);

        // The others stay held, as outputs, at the levels they had, and are still written together.
        Assert.Equal((true, ConsumerA, LineDirection.Output), Describe(second.GetLineInfo(B)));
        Assert.Equal((true, ConsumerA, LineDirection.Output), Describe(second.GetLineInfo(C)));
        Assert.Equal((PinValue.High, PinValue.Low), (Fixture.ObserveOutput(B), Fixture.ObserveOutput(C)));
        first.Write([new PinValuePair(B, PinValue.Low), new PinValuePair(C, PinValue.High)]);
        Assert.Equal((PinValue.Low, PinValue.High), (Fixture.ObserveOutput(B), Fixture.ObserveOutput(C)));
        Assert.Throws<GpioInvalidArgumentException>(() => first.Write(A, PinValue.High));
    }

    [Fact]
    public void ClosePin_OneLineOfAJointRequest_OthersKeepTheirOwnSettings()
    {
        var first = Open(ConsumerA);
        first.OpenLines([A, B, C], LineSettings.Output.WithActiveLow(true));
        first.Reconfigure(B, LineSettings.Input.WithBias(LineBias.PullUp));
        first.Write(C, PinValue.High);

        first.ClosePin(A);

        var b = first.GetLineInfo(B);
        Assert.Equal((LineDirection.Input, LineBias.PullUp, false), (b.Direction, b.Bias, b.ActiveLow));
        Assert.Equal(PinValue.High, first.Read(B));
        var c = first.GetLineInfo(C);
        Assert.Equal((LineDirection.Output, true), (c.Direction, c.ActiveLow));
        Assert.Equal(PinValue.Low, Fixture.ObserveOutput(C));
        Assert.Equal(PinValue.High, first.Read(C));
    }

    [Fact]
    public void ClosePin_OneLineOfAJointInputRequest_TheOthersEdgesContinueInSequence()
    {
        var controller = Open(ConsumerA);
        Fixture.DriveInput(A, PinValue.Low);
        Fixture.DriveInput(B, PinValue.Low);
        controller.OpenLines([A, B], LineSettings.Input.WithEdgeDetection(PinEventTypes.Rising | PinEventTypes.Falling));
        var listener = new RecordingEdgeListener();
        controller.AddEdgeListener(B, listener);
        Fixture.DriveInput(B, PinValue.High);
        listener.WaitFor(1, Fixture.EventTimeout);

        controller.ClosePin(A);
        Assert.False(controller.GetLineInfo(A).InUse);
        Fixture.DriveInput(B, PinValue.Low);
        var events = listener.WaitFor(2, Fixture.EventTimeout);

        Assert.Equal([(B, PinEventTypes.Rising, 1L), (B, PinEventTypes.Falling, 2L)], events.Select(e => (e.Line, e.Kind, e.LineSequence)));
        Assert.Equal(events[0].Sequence + 1, events[1].Sequence);
        Assert.True(events[1].TimestampNanoseconds >= events[0].TimestampNanoseconds);
        Assert.Equal(PinValue.Low, controller.Read(B));
    }

    [Fact]
    public void Dispose_Controller_ReleasesEveryLineItHeld()
    {
        var first = new GpioController(Fixture.OpenDriver(), ConsumerA);
        first.OpenPin(A, PinMode.Output);
        first.OpenPin(B, PinMode.Input);
        first.Dispose();

        var second = Open(ConsumerB);
        Assert.False(second.GetLineInfo(A).InUse);
        Assert.False(second.GetLineInfo(B).InUse);
        second.OpenPin(A, PinMode.Input);
        second.OpenPin(B, PinMode.Input);
    }

    [Fact]
    public void WriteMany_LinesOpenedTogether_AllTakeTheirValues()
    {
        var controller = Open(ConsumerA);
        controller.OpenLines([A, B, C], LineSettings.Output);
        controller.Write([new PinValuePair(A, PinValue.High), new PinValuePair(B, PinValue.Low), new PinValuePair(C, PinValue.High)]);
        Assert.Equal(PinValue.High, Fixture.ObserveOutput(A));
        Assert.Equal(PinValue.Low, Fixture.ObserveOutput(B));
        Assert.Equal(PinValue.High, Fixture.ObserveOutput(C));

        controller.Write([new PinValuePair(C, PinValue.Low), new PinValuePair(A, PinValue.Low)]);
        Assert.Equal(PinValue.Low, Fixture.ObserveOutput(A));
        Assert.Equal(PinValue.Low, Fixture.ObserveOutput(C));
    }

    [Fact]
    public void WriteMany_LinesOpenedSeparately_AllTakeTheirValues()
    {
        var controller = Open(ConsumerA);
        controller.OpenPin(A, PinMode.Output);
        controller.OpenPin(D, PinMode.Output);
        controller.Write([new PinValuePair(D, PinValue.High), new PinValuePair(A, PinValue.High)]);
        Assert.Equal(PinValue.High, Fixture.ObserveOutput(A));
        Assert.Equal(PinValue.High, Fixture.ObserveOutput(D));
    }

    [Fact]
    public void Reconfigure_OutputToInputWithPullUp_KeepsTheLineAndReadsHigh()
    {
        var controller = Open(ConsumerA);
        controller.OpenPin(B, PinMode.Output);
        controller.Reconfigure(B, LineSettings.Input.WithBias(LineBias.PullUp));
        Assert.Equal(PinValue.High, controller.Read(B));
        var info = controller.GetLineInfo(B);
        Assert.True(info.InUse);
        Assert.Equal(ConsumerA, info.Consumer);
        Assert.Equal(LineDirection.Input, info.Direction);
    }

    [Fact]
    public void Reconfigure_InputToOutput_DrivesTheInitialValue()
    {
        var controller = Open(ConsumerA);
        controller.OpenPin(A, PinMode.Input);
        controller.Reconfigure(A, LineSettings.Output.WithInitialValue(PinValue.High));
        Assert.Equal(PinValue.High, Fixture.ObserveOutput(A));
        Assert.Equal(LineDirection.Output, controller.GetLineInfo(A).Direction);
    }

    [Fact]
    public void Reconfigure_OutputStaysOutput_KeepsItsValue()
    {
        var controller = Open(ConsumerA);
        controller.OpenPin(A, PinMode.Output, PinValue.High);
        controller.Reconfigure(A, LineSettings.Output.WithBias(LineBias.PullDown));
        Assert.Equal(PinValue.High, Fixture.ObserveOutput(A));
    }

    [Fact]
    public void OpenLine_WithDebounce_ReportsThePeriodInLineInfo()
    {
        var controller = Open(ConsumerA);
        controller.OpenLine(A, LineSettings.Input.WithEdgeDetection(PinEventTypes.Falling).WithDebounce(TimeSpan.FromMilliseconds(5)));
        var info = controller.GetLineInfo(A);
        Assert.Equal(TimeSpan.FromMilliseconds(5), info.Debounce);
        Assert.Equal(PinEventTypes.Falling, info.EdgeDetection);
    }

    [Fact]
    public void Write_LineOpenAsInput_FailsAndChangesNothing()
    {
        var controller = Open(ConsumerA);
        Fixture.DriveInput(A, PinValue.Low);
        controller.OpenPin(A, PinMode.Input);
        var error = Assert.Throws<GpioInvalidArgumentException>(() => controller.Write(A, PinValue.High));
        Assert.Contains($"line {A} is open as an input", error.Message, StringComparison.Ordinal);
        Assert.Equal(PinValue.Low, controller.Read(A));
        Assert.Equal(LineDirection.Input, controller.GetLineInfo(A).Direction);
    }

    [Fact]
    public void Read_LineNotOpen_FailsClearly()
    {
        var controller = Open(ConsumerA);
        var error = Assert.Throws<GpioInvalidArgumentException>(() => controller.Read(A));
        Assert.Contains($"line {A} is not open", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenLine_OutOfRange_FailsClearlyAndRequestsNothing()
    {
        var controller = Open(ConsumerA);
        var error = Assert.Throws<GpioInvalidArgumentException>(() => controller.OpenPin(controller.PinCount, PinMode.Output));
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.Throws<GpioInvalidArgumentException>(() => controller.OpenPin(-1, PinMode.Output));
    }

    [Fact]
    public void OpenLine_EdgeDetectionOnOutput_FailsBeforeTouchingTheChip()
    {
        var controller = Open(ConsumerA);
        var bad = LineSettings.Output.WithEdgeDetection(PinEventTypes.Rising);
        var error = Assert.Throws<GpioInvalidArgumentException>(() => controller.OpenLine(A, bad));
        Assert.Contains("edge detection is only available on inputs", error.Message, StringComparison.Ordinal);
        Assert.False(controller.GetLineInfo(A).InUse);
    }

    [Fact]
    public void OpenLine_SameLineTwiceOnOneController_FailsAndKeepsTheFirst()
    {
        var controller = Open(ConsumerA);
        controller.OpenPin(A, PinMode.Output, PinValue.High);
        Assert.Throws<GpioInvalidArgumentException>(() => controller.OpenPin(A, PinMode.Input));
        Assert.Equal(PinValue.High, Fixture.ObserveOutput(A));
        Assert.Equal(LineDirection.Output, controller.GetLineInfo(A).Direction);
    }

    /// <summary>Disposes the controllers the test opened, then the fixture.</summary>
    public void Dispose()
    {
        foreach (var controller in _controllers)
        {
            controller.Dispose();
        }

        Fixture.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Drives line A low, opens it with <paramref name="settings"/> and listens to its edges.</summary>
    /// <param name="settings">Input settings with edge detection.</param>
    /// <param name="controller">The controller holding the line.</param>
    /// <returns>The listener.</returns>
    protected RecordingEdgeListener OpenWatchedInput(LineSettings settings, out GpioController controller)
    {
        controller = Open(ConsumerA);
        Fixture.DriveInput(A, PinValue.Low);
        controller.OpenLine(A, settings);
        var listener = new RecordingEdgeListener();
        controller.AddEdgeListener(A, listener);
        return listener;
    }

    /// <summary>The parts of line info that say who holds a line and how.</summary>
    /// <param name="info">The line info.</param>
    /// <returns>(in use, consumer, direction).</returns>
    protected static (bool InUse, string Consumer, LineDirection Direction) Describe(LineInfo info) => (info.InUse, info.Consumer, info.Direction);

    /// <summary>Opens a controller on a new driver of the chip; disposed after the test.</summary>
    /// <param name="consumer">Its consumer label.</param>
    /// <returns>The controller.</returns>
    protected GpioController Open(string consumer)
    {
        var controller = new GpioController(Fixture.OpenDriver(), consumer);
        _controllers.Add(controller);
        return controller;
    }
}
