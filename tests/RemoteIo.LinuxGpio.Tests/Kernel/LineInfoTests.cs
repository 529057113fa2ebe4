using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Linux;
using RemoteIo.LinuxGpio.Tests.Sim;
using Xunit;

namespace RemoteIo.LinuxGpio.Tests.Kernel;

/// <summary>Line info as the kernel reports it: names, kernel consumers (hogs), and the watch that reports requests and releases by anyone.</summary>
public sealed class LineInfoTests : IDisposable
{
    /// <summary>How long to wait for a line-info change under TCG.</summary>
    private static readonly TimeSpan ChangeTimeout = TimeSpan.FromSeconds(10);

    /// <summary>A chip with named lines and a kernel hog on line 6.</summary>
    private readonly GpioSimChip _chip = GpioSimChip.Create(
        "info",
        lines: 8,
        lineNames: new Dictionary<int, string> { [0] = "GPIO0", [3] = "LED_STATUS" },
        hogs: new Dictionary<int, GpioSimHog> { [6] = new("kernel-fan", "output-high") });

    [Fact]
    public void GetLineInfo_NamedLine_ReportsTheNameTheChipGivesIt()
    {
        using var controller = new GpioController(ChardevGpioDriver.Open(_chip.DevicePath), "info-test");

        Assert.Equal("LED_STATUS", controller.GetLineInfo(3).Name);
        Assert.Equal("GPIO0", controller.GetLineInfo(0).Name);
        Assert.Equal(string.Empty, controller.GetLineInfo(1).Name);
    }

    [Fact]
    public void GetLineInfo_LineHoggedByTheKernel_ReportsItInUseAsAnOutputByTheHog()
    {
        using var controller = new GpioController(ChardevGpioDriver.Open(_chip.DevicePath), "info-test");

        var info = controller.GetLineInfo(6);

        Assert.True(info.InUse);
        Assert.Equal("kernel-fan", info.Consumer);
        Assert.Equal(LineDirection.Output, info.Direction);
        Assert.Equal(1, _chip.Value(6));
    }

    [Fact]
    public void OpenPin_LineHoggedByTheKernel_FailsAsBusyNamingTheHog()
    {
        using var controller = new GpioController(ChardevGpioDriver.Open(_chip.DevicePath), "info-test");

        var error = Assert.Throws<GpioLineBusyException>(() => controller.OpenPin(6, PinMode.Output));

        Assert.Equal("line 6 is in use by kernel-fan", error.Message);
        Assert.Equal(16, error.Errno);
        Assert.False(controller.IsPinOpen(6));
        Assert.Equal(1, _chip.Value(6));
    }

    [Fact]
    public void WatchLineInfo_AnotherConsumerRequestsReconfiguresAndReleases_EachChangeIsReported()
    {
        using var watcher = ChardevGpioDriver.Open(_chip.DevicePath);
        var recorder = new LineInfoChangeRecorder(watcher);
        var before = Monotonic.Nanoseconds;
        var now = watcher.WatchLineInfo(2);
        Assert.False(now.InUse);

        using (var other = new GpioController(ChardevGpioDriver.Open(_chip.DevicePath), "watched-user"))
        {
            other.OpenPin(2, PinMode.Output);
            recorder.WaitFor(1, ChangeTimeout);
            other.Reconfigure(2, LineSettings.Input.WithBias(LineBias.PullUp));
            recorder.WaitFor(2, ChangeTimeout);
            other.ClosePin(2);
        }

        var changes = recorder.WaitFor(3, ChangeTimeout);
        var after = Monotonic.Nanoseconds;
        Assert.Equal([LineInfoChangeKind.Requested, LineInfoChangeKind.Reconfigured, LineInfoChangeKind.Released], changes.Select(c => c.Kind));
        Assert.All(changes, c => Assert.Equal(2, c.Info.Line));
        Assert.Equal(("watched-user", LineDirection.Output), (changes[0].Info.Consumer, changes[0].Info.Direction));
        Assert.Equal((LineDirection.Input, LineBias.PullUp), (changes[1].Info.Direction, changes[1].Info.Bias));
        Assert.False(changes[2].Info.InUse);
        Assert.All(changes, c => Assert.InRange(c.TimestampNanoseconds, before, after));
        Assert.True(changes[0].TimestampNanoseconds <= changes[1].TimestampNanoseconds && changes[1].TimestampNanoseconds <= changes[2].TimestampNanoseconds);
    }

    [Fact]
    public void UnwatchLineInfo_WatchedLine_LaterChangesAreNotReported()
    {
        using var watcher = ChardevGpioDriver.Open(_chip.DevicePath);
        var recorder = new LineInfoChangeRecorder(watcher);
        watcher.WatchLineInfo(4);
        watcher.WatchLineInfo(5);
        watcher.UnwatchLineInfo(4);

        using var other = new GpioController(ChardevGpioDriver.Open(_chip.DevicePath), "unwatched-user");
        other.OpenPin(4, PinMode.Input);
        other.OpenPin(5, PinMode.Input);

        // Changes arrive in order: a change of line 4 would have come before the one of line 5.
        var change = Assert.Single(recorder.WaitFor(1, ChangeTimeout));
        Assert.Equal(5, change.Info.Line);
    }

    [Fact]
    public void ClosePin_OneLineOfAJointRequest_OthersSeeItReleasedAndTheRestRequestedAgainByTheSameConsumer()
    {
        using var watcher = ChardevGpioDriver.Open(_chip.DevicePath);
        var recorder = new LineInfoChangeRecorder(watcher);
        watcher.WatchLineInfo(1);
        watcher.WatchLineInfo(2);
        using var joint = new GpioController(ChardevGpioDriver.Open(_chip.DevicePath), "joint-user");
        joint.OpenLines([1, 2], LineSettings.Output.WithInitialValue(PinValue.High));

        joint.ClosePin(1);

        // The kernel frees lines only with their request: line 2 is requested anew at once.
        var changes = recorder.WaitFor(5, ChangeTimeout);
        Assert.Equal(
            [(LineInfoChangeKind.Requested, 1), (LineInfoChangeKind.Requested, 2), (LineInfoChangeKind.Released, 1), (LineInfoChangeKind.Released, 2), (LineInfoChangeKind.Requested, 2)],
            changes.Select(c => (c.Kind, c.Info.Line)));
        Assert.Equal(("joint-user", LineDirection.Output), (changes[4].Info.Consumer, changes[4].Info.Direction));
        Assert.Equal(1, _chip.Value(2));
    }

    [Fact]
    public void Dispose_ControllerWithAJointRequest_ClosesItOnceWithoutRequestingAnyLineAgain()
    {
        using var watcher = ChardevGpioDriver.Open(_chip.DevicePath);
        var recorder = new LineInfoChangeRecorder(watcher);
        foreach (var line in new[] { 1, 2, 3, 4 })
        {
            watcher.WatchLineInfo(line);
        }

        var joint = new GpioController(ChardevGpioDriver.Open(_chip.DevicePath), "joint-user");
        joint.OpenLines([1, 2, 3], LineSettings.Output);
        joint.Dispose();

        // One more change after the dispose: once it arrives, every change before it has too.
        using var sentinel = new GpioController(ChardevGpioDriver.Open(_chip.DevicePath), "sentinel");
        sentinel.OpenPin(4, PinMode.Input);
        var changes = recorder.WaitFor(7, ChangeTimeout);
        Assert.Equal(
            [
                (LineInfoChangeKind.Requested, 1), (LineInfoChangeKind.Requested, 2), (LineInfoChangeKind.Requested, 3),
                (LineInfoChangeKind.Released, 1), (LineInfoChangeKind.Released, 2), (LineInfoChangeKind.Released, 3),
                (LineInfoChangeKind.Requested, 4),
            ],
            changes.Select(c => (c.Kind, c.Info.Line)));
    }

    public void Dispose() => _chip.Dispose();
}
