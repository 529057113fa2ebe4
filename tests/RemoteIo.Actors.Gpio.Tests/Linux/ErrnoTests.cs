using RemoteIo.Actors.Gpio.Linux;
using Xunit;

namespace RemoteIo.Actors.Gpio.Tests.Linux;

/// <summary>How a failed system call's errno becomes the layer's exception and message.</summary>
public sealed class ErrnoTests
{
    private const string SetValues = "GPIO_V2_LINE_SET_VALUES_IOCTL (0xc010b40f) on gpiochip0 lines 6,7";

    [Fact]
    public void ToException_Enodev_NotFoundNamingTheIoctlChipAndLines()
    {
        var error = Errno.ToException(19, SetValues);
        Assert.IsType<GpioNotFoundException>(error);
        Assert.Equal($"{SetValues} failed: No such device (errno 19)", error.Message);
        Assert.Equal(19, error.Errno);
    }

    [Fact]
    public void ToException_Einval_SaysAnUnknownIoctlLooksTheSameAsBadContents()
    {
        var error = Errno.ToException(22, SetValues);
        Assert.IsType<GpioInvalidArgumentException>(error);
        Assert.StartsWith($"{SetValues} failed: Invalid argument (errno 22): ", error.Message, StringComparison.Ordinal);
        Assert.Contains("an ioctl number this kernel does not know", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToException_Enotty_SaysTheDeviceIsNoGpioChip()
    {
        var error = Errno.ToException(25, "GPIO_GET_CHIPINFO_IOCTL (0x8044b401) on /dev/null");
        Assert.IsType<GpioInvalidArgumentException>(error);
        Assert.EndsWith("(errno 25): not a GPIO character device (or a kernel without the GPIO uAPI v2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToException_Eacces_PermissionErrorWithTheGroupHint()
    {
        var error = Errno.ToException(13, "opening /dev/gpiochip0");
        Assert.IsType<GpioPermissionException>(error);
        Assert.Contains("usermod -aG gpio", error.Message, StringComparison.Ordinal);
    }
}
