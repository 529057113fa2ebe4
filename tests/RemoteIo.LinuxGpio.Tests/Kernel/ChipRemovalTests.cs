using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Linux;
using RemoteIo.LinuxGpio.Tests.Sim;
using Xunit;

namespace RemoteIo.LinuxGpio.Tests.Kernel;

/// <summary>
/// A chip that disappears while we hold its lines (a USB GPIO expander unplugged, an overlay
/// removed): the kernel keeps our descriptors but answers ENODEV and hangs up on polls, and we must
/// say so clearly, naming the ioctl, the chip and the lines, still release cleanly, and not spin.
/// </summary>
public sealed class ChipRemovalTests
{
    /// <summary>How long the event thread is watched for CPU use once it sleeps (a measurement window, not a synchronisation).</summary>
    private static readonly TimeSpan CpuWindow = TimeSpan.FromSeconds(1);

    [Fact]
    public void Write_ChipRemovedWhileHeld_FailsAsNotFoundNamingTheIoctlAndTheLinesStillClose()
    {
        var chip = GpioSimChip.Create("removal", lines: 4);
        using var controller = new GpioController(ChardevGpioDriver.Open(chip.DevicePath), "removal-test");
        controller.OpenPin(1, PinMode.Output);
        controller.OpenLine(2, LineSettings.Input.WithEdgeDetection(PinEventTypes.Rising | PinEventTypes.Falling));

        chip.Dispose();

        var write = Assert.Throws<GpioNotFoundException>(() => controller.Write(1, PinValue.High));
        Assert.Equal($"GPIO_V2_LINE_SET_VALUES_IOCTL (0xc010b40f) on {chip.ChipName} line 1 failed: No such device (errno 19)", write.Message);
        Assert.Equal(19, write.Errno);
        var info = Assert.Throws<GpioNotFoundException>(() => controller.GetLineInfo(1));
        Assert.Equal($"GPIO_V2_GET_LINEINFO_IOCTL (0xc100b405) on {chip.ChipName} line 1 failed: No such device (errno 19)", info.Message);
        var read = Assert.Throws<GpioNotFoundException>(() => controller.Read(2));
        Assert.Equal($"GPIO_V2_LINE_GET_VALUES_IOCTL (0xc010b40e) on {chip.ChipName} line 2 failed: No such device (errno 19)", read.Message);
        controller.ClosePin(1);
        controller.ClosePin(2);
        Assert.False(controller.IsPinOpen(1) || controller.IsPinOpen(2));
    }

    [Fact]
    public void WriteMany_JointRequestOnARemovedChip_FailsNamingEveryLineWritten()
    {
        var chip = GpioSimChip.Create("removal-joint", lines: 4);
        using var controller = new GpioController(ChardevGpioDriver.Open(chip.DevicePath), "removal-test");
        controller.OpenLines([1, 2, 3], LineSettings.Output);

        chip.Dispose();

        var error = Assert.Throws<GpioNotFoundException>(() => controller.Write([new PinValuePair(3, PinValue.High), new PinValuePair(1, PinValue.Low)]));
        Assert.Equal($"GPIO_V2_LINE_SET_VALUES_IOCTL (0xc010b40f) on {chip.ChipName} lines 1,3 failed: No such device (errno 19)", error.Message);
    }

    [Fact]
    public void ClosePin_OneLineOfAJointRequestOnARemovedChip_ClosesQuietlyAndTheOtherSaysWhyItIsGone()
    {
        var chip = GpioSimChip.Create("removal-release", lines: 4);
        using var controller = new GpioController(ChardevGpioDriver.Open(chip.DevicePath), "removal-test");
        controller.OpenLines([1, 2], LineSettings.Output);

        chip.Dispose();
        controller.ClosePin(1);

        var error = Assert.Throws<GpioNotFoundException>(() => controller.Write(2, PinValue.High));
        Assert.StartsWith($"line 2 of {chip.ChipName} is no longer held: its request was closed to release line 1, and it could not be requested again: GPIO_V2_", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("failed: No such device (errno 19)", error.Message, StringComparison.Ordinal);
        Assert.Equal(19, error.Errno);
        controller.ClosePin(2);
        Assert.False(controller.IsPinOpen(2));
    }

    [Fact]
    public void EventThread_ChipRemovedWhileWatchedAndListening_SleepsInsteadOfSpinning()
    {
        var chip = GpioSimChip.Create("removal-idle", lines: 4);
        using var driver = ChardevGpioDriver.Open(chip.DevicePath);
        using var controller = new GpioController(driver, "removal-test", ownsDriver: false);
        var edges = LineSettings.Input.WithEdgeDetection(PinEventTypes.Rising | PinEventTypes.Falling);
        controller.OpenLine(2, edges);
        controller.OpenLine(3, edges);
        driver.WatchLineInfo(1);
        var thread = driver.EventThreadId;
        Assert.NotEqual(0, thread);

        // Linux 6.1 does not wake pollers when a chip goes, but the next ppoll after any wake-up
        // (here: closing line 3 takes its request out of the poll set) sees POLLHUP|POLLERR on the
        // chip descriptor (the watch) and on line 2's request. Both must leave the poll set, or
        // every ppoll returns at once and the thread burns a core.
        chip.Dispose();
        controller.ClosePin(3);

        var asleep = TaskStat.WaitUntilSleeping(thread, TimeSpan.FromSeconds(10));
        Thread.Sleep(CpuWindow);
        var after = TaskStat.Read(thread);
        var used = after.CpuTime - asleep.CpuTime;
        Assert.True(
            used <= TimeSpan.FromMilliseconds(100),
            $"the GPIO event thread (tid {thread}) used {used.TotalMilliseconds:0} ms of CPU in {CpuWindow.TotalMilliseconds:0} ms after the chip was removed (state now {after.State}): it is polling a descriptor the kernel hung up on");
    }
}
