using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Linux;
using RemoteIo.LinuxGpio.Tests.Sim;
using Xunit;

namespace RemoteIo.LinuxGpio.Tests.Kernel;

/// <summary>
/// A chip that disappears while we hold its lines (a USB GPIO expander unplugged, an overlay
/// removed): the kernel keeps our descriptors but answers ENODEV, and we must say so clearly and
/// still release cleanly.
/// </summary>
public sealed class ChipRemovalTests
{
    [Fact]
    public void Write_ChipRemovedWhileHeld_FailsAsNotFoundAndTheLinesStillClose()
    {
        var chip = GpioSimChip.Create("removal", lines: 4);
        using var controller = new GpioController(ChardevGpioDriver.Open(chip.DevicePath), "removal-test");
        controller.OpenPin(1, PinMode.Output);
        controller.OpenLine(2, LineSettings.Input.WithEdgeDetection(PinEventTypes.Rising | PinEventTypes.Falling));

        chip.Dispose();

        var write = Assert.Throws<GpioNotFoundException>(() => controller.Write(1, PinValue.High));
        Assert.Equal(19, write.Errno);
        var info = Assert.Throws<GpioNotFoundException>(() => controller.GetLineInfo(1));
        Assert.Contains($"reading info of line 1 of {chip.DevicePath} failed", info.Message, StringComparison.Ordinal);
        controller.ClosePin(1);
        controller.ClosePin(2);
        Assert.False(controller.IsPinOpen(1) || controller.IsPinOpen(2));
    }
}
