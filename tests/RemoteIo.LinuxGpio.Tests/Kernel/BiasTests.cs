using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Linux;
using RemoteIo.LinuxGpio.Tests.Sim;
using Xunit;

namespace RemoteIo.LinuxGpio.Tests.Kernel;

/// <summary>Bias reaches the chip: gpio-sim shows the pull the kernel applied for our request.</summary>
public sealed class BiasTests : IDisposable
{
    /// <summary>The chip.</summary>
    private readonly GpioSimChip _chip = GpioSimChip.Create("bias", lines: 4);

    [Fact]
    public void OpenPin_InputPullUp_ChipAppliesPullUp()
    {
        _chip.Drive(1, high: false);
        using var controller = new GpioController(ChardevGpioDriver.Open(_chip.DevicePath), "bias-test");

        controller.OpenPin(1, PinMode.InputPullUp);

        Assert.Equal(("pull-up", 1), (_chip.Pull(1), _chip.Value(1)));
        Assert.Equal(PinValue.High, controller.Read(1));
    }

    [Fact]
    public void OpenPin_InputPullDown_ChipAppliesPullDown()
    {
        _chip.Drive(2, high: true);
        using var controller = new GpioController(ChardevGpioDriver.Open(_chip.DevicePath), "bias-test");

        controller.OpenPin(2, PinMode.InputPullDown);

        Assert.Equal(("pull-down", 0), (_chip.Pull(2), _chip.Value(2)));
        Assert.Equal(PinValue.Low, controller.Read(2));
    }

    [Fact]
    public void Reconfigure_PullUpToPullDown_ChipFollowsWithoutReleasingTheLine()
    {
        using var controller = new GpioController(ChardevGpioDriver.Open(_chip.DevicePath), "bias-test");
        controller.OpenPin(3, PinMode.InputPullUp);

        controller.Reconfigure(3, LineSettings.Input.WithBias(LineBias.PullDown));

        Assert.Equal("pull-down", _chip.Pull(3));
        var info = controller.GetLineInfo(3);
        Assert.Equal((true, "bias-test", LineBias.PullDown), (info.InUse, info.Consumer, info.Bias));
    }

    public void Dispose() => _chip.Dispose();
}
