using RemoteIo.Actors.Gpio.Linux;
using Xunit;

namespace RemoteIo.Actors.Gpio.Tests.Linux;

/// <summary>
/// The character-device driver's errors where no GPIO chip exists (this machine); its behaviour on
/// a real chip is the contract suite run inside the gpio-sim VM (tests/RemoteIo.LinuxGpio.Tests).
/// </summary>
public sealed class ChardevGpioDriverTests : IDisposable
{
    /// <summary>An empty device directory.</summary>
    private readonly string _dev = Directory.CreateTempSubdirectory("remoteio-dev-").FullName;

    [Fact]
    public void Open_MissingPath_NotFoundListingTheChips()
    {
        var error = Assert.Throws<GpioNotFoundException>(() => ChardevGpioDriver.Open(Path.Combine(_dev, "gpiochip7")));
        Assert.Equal($"no GPIO chip at {_dev}/gpiochip7; chips in {_dev}: none", error.Message);
        Assert.Equal(2, error.Errno);
    }

    [Fact]
    public void Open_NotAGpioDevice_InvalidArgumentSayingSo()
    {
        var error = Assert.Throws<GpioInvalidArgumentException>(() => ChardevGpioDriver.Open("/dev/null"));
        Assert.StartsWith("GPIO_GET_CHIPINFO_IOCTL (0x8044b401) on /dev/null failed: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("(errno 25): not a GPIO character device", error.Message, StringComparison.Ordinal);
        Assert.Equal(25, error.Errno);
    }

    [Fact]
    public void Open_UnknownLabel_NotFoundNamingTheLabel()
    {
        var error = Assert.Throws<GpioNotFoundException>(() => ChardevGpioDriver.Open("pinctrl-bcm2711", _dev));
        Assert.Equal($"no GPIO chip labelled \"pinctrl-bcm2711\" in {_dev}; chips there: none", error.Message);
    }

    [Fact]
    public void OpenDefault_NoChips_NotFound()
    {
        var error = Assert.Throws<GpioNotFoundException>(() => ChardevGpioDriver.OpenDefault(_dev, out _));
        Assert.Equal($"no GPIO chip (gpiochip*) in {_dev}", error.Message);
    }

    [Fact]
    public void ChipPaths_DeviceDirectory_OnlyGpiochipNodesInNumericOrder()
    {
        foreach (var name in new[] { "gpiochip10", "gpiochip2", "gpiochipX", "gpiomem" })
        {
            File.WriteAllText(Path.Combine(_dev, name), string.Empty);
        }

        Assert.Equal([Path.Combine(_dev, "gpiochip2"), Path.Combine(_dev, "gpiochip10")], ChardevGpioDriver.ChipPaths(_dev));
        Assert.Empty(ChardevGpioDriver.ListChips(_dev));
    }

    public void Dispose() => Directory.Delete(_dev, recursive: true);
}
