using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Linux;
using RemoteIo.LinuxGpio.Tests.Sim;
using Xunit;

namespace RemoteIo.LinuxGpio.Tests.Kernel;

/// <summary>Finding a chip among the kernel's chips: by label (stable across boots, unlike gpiochipN), by name, and the default choice.</summary>
public sealed class ChipLookupTests
{
    [Fact]
    public void Open_ByLabel_FindsTheChipWhateverItsNumber()
    {
        using var other = GpioSimChip.Create("lookup-other", lines: 4);
        using var chip = GpioSimChip.Create("lookup-label", lines: 12, label: "remoteio-lookup-label");

        using var driver = ChardevGpioDriver.Open("remoteio-lookup-label");

        Assert.Equal(chip.DevicePath, driver.Path);
        Assert.Equal(new ChipInfo(chip.ChipName, "remoteio-lookup-label", 12, chip.DevicePath), driver.ChipInfo);
    }

    [Fact]
    public void Open_ByName_OpensTheDeviceNode()
    {
        using var chip = GpioSimChip.Create("lookup-name", lines: 3);

        using var driver = ChardevGpioDriver.Open(chip.ChipName);

        Assert.Equal(chip.DevicePath, driver.Path);
        Assert.Equal(3, driver.LineCount);
    }

    [Fact]
    public void Open_UnknownLabel_FailsListingTheChipsThereAre()
    {
        using var chip = GpioSimChip.Create("lookup-unknown", lines: 5, label: "remoteio-present");

        var error = Assert.Throws<GpioNotFoundException>(() => ChardevGpioDriver.Open("no-such-label"));

        Assert.Contains("no GPIO chip labelled \"no-such-label\" in /dev", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{chip.ChipName} (remoteio-present, 5 lines)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MissingDeviceNode_FailsAsNotFound()
    {
        using var chip = GpioSimChip.Create("lookup-missing", lines: 2);

        var error = Assert.Throws<GpioNotFoundException>(() => ChardevGpioDriver.Open("/dev/gpiochip999"));

        Assert.Contains("no GPIO chip at /dev/gpiochip999", error.Message, StringComparison.Ordinal);
        Assert.Contains(chip.ChipName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenDefault_AChipLabelledLikeThePiHeader_IsChosenOverLowerNumbers()
    {
        using var first = GpioSimChip.Create("lookup-first", lines: 8);
        using var header = GpioSimChip.Create("lookup-header", lines: 54, label: "pinctrl-bcm2711");

        using var driver = ChardevGpioDriver.OpenDefault("/dev", out var reason);

        Assert.Equal(header.DevicePath, driver.Path);
        Assert.Contains("pinctrl-bcm2711", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void GpioDriverFactory_AutoWithAChipPresent_PicksTheCharacterDeviceAndSaysWhy()
    {
        using var chip = GpioSimChip.Create("lookup-factory", lines: 4, label: "remoteio-factory");
        var log = new List<string>();

        using var driver = GpioDriverFactory.Create(GpioOptions.Default.WithChip("remoteio-factory"), TimeProvider.System, log.Add);

        var chardev = Assert.IsType<ChardevGpioDriver>(driver);
        Assert.Equal(chip.DevicePath, chardev.Path);
        var line = Assert.Single(log);
        Assert.Contains("remoteio.gpio.driver = auto", line, StringComparison.Ordinal);
        Assert.Contains("remoteio.gpio.chip = remoteio-factory", line, StringComparison.Ordinal);
    }
}
