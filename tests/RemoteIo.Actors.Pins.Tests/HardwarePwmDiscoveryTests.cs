using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Simulation;
using RemoteIo.Actors.Pins.Tests.Support;
using RemoteIo.Actors.Protocol;
using Xunit;

namespace RemoteIo.Actors.Pins.Tests;

/// <summary>Which GPIOs get hardware PWM, and why not: each test starts its own pin service over its own simulated chip and PWM tree.</summary>
public sealed class HardwarePwmDiscoveryTests : PinsTestKit
{
    private const string Pi4 = "Raspberry Pi 4 Model B Rev 1.4";

    private int _services;

    [Fact]
    public void Start_Pi5_FourChannelsOfRp1Pwm0WithThePwm0Function()
    {
        var tree = new FakePwmTree(() => Clock.ElapsedNanoseconds, channels: 4, device: "1f00098000.pwm", pinctrlDevice: "1f000d0000.gpio-pinctrl-rp1");
        var service = StartService(tree, "Raspberry Pi 5 Model B Rev 1.0");
        var client = Client();
        client.Send(service.Supervisor, Cmd.Claim(Cmd.Gpio(18)));
        Flush();
        client.ExpectMsg<PinClaimed>();

        var value = Cmd.Value(18, 0, 0.5, 1000);
        client.Send(service.Supervisor, value);
        Flush();

        Assert.Equal([12, 13, 18, 19], service.HardwarePwmGpios);
        Assert.DoesNotContain("share", service.HardwarePwmSummary, StringComparison.Ordinal);
        Assert.Equal(
            ["0 pwmchip0/export=0", "0 pwmchip0/export=1", "0 pwmchip0/export=2", "0 pwmchip0/export=3", "0 pwmchip0/pwm2/period=1000000", "0 pwmchip0/pwm2/duty_cycle=500000", "0 pwmchip0/pwm2/enable=1", "0 pinctrl/1f000d0000.gpio-pinctrl-rp1/pinmux-select=gpio18 pwm0"],
            tree.Log());
        ExpectAccepted(client, value);
    }

    [Fact]
    public void Start_HardwarePwmOff_NoGpioAndTheSummarySaysSo()
    {
        var service = StartService(new FakePwmTree(() => 0), Pi4, PinsSettings.Default.WithHardwarePwm(HardwarePwmMode.Off));

        Assert.Empty(service.HardwarePwmGpios);
        Assert.Contains("remoteio.pins.hardware-pwm = off", service.HardwarePwmSummary, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_NoPinctrlController_SoftwarePwmBecauseThePinsCouldNotGetTheirPwmFunctionBack()
    {
        var tree = new FakePwmTree(() => 0, pinctrlDevice: null);
        var service = StartService(tree, Pi4);
        var client = Client();
        client.Send(service.Supervisor, Cmd.Claim(Cmd.Gpio(18)));
        client.Send(service.Supervisor, Cmd.Value(18, 0, 0.5));
        Flush();

        Assert.Empty(service.HardwarePwmGpios);
        Assert.Contains("PWM function", service.HardwarePwmSummary, StringComparison.Ordinal);
        Assert.Contains(FakePwmTree.PinctrlRoot, service.HardwarePwmSummary, StringComparison.Ordinal);
        Assert.Empty(tree.Writes);
        Assert.True(service.Controller.IsPinOpen(18));
    }

    [Fact]
    public void Start_ExportNotWritable_SoftwarePwmWithThePermissionHint()
    {
        var tree = new FakePwmTree(() => 0);
        tree.Denied.Add("pwmchip0/export");

        var service = StartService(tree, Pi4);

        Assert.Empty(service.HardwarePwmGpios);
        Assert.Contains("export is not writable", service.HardwarePwmSummary, StringComparison.Ordinal);
        Assert.Contains("root", service.HardwarePwmSummary, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_UnknownBoard_NoHardwarePwm()
    {
        var service = StartService(new FakePwmTree(() => 0), "Some Other SBC");

        Assert.Empty(service.HardwarePwmGpios);
        Assert.StartsWith("no hardware PWM on Some Other SBC", service.HardwarePwmSummary, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_PwmChipNotTheBoardsController_SaysWhichOverlayEnablesIt()
    {
        var service = StartService(new FakePwmTree(() => 0, channels: 1, device: "other.pwm"), Pi4);

        Assert.Empty(service.HardwarePwmGpios);
        Assert.Contains("dtoverlay=pwm-2chan", service.HardwarePwmSummary, StringComparison.Ordinal);
    }

    private PinService StartService(FakePwmTree tree, string model, PinsSettings? settings = null) =>
        PinService.Start(
            Sys,
            new SimulatedGpioDriver(new SimulatedGpioChip(Clock)),
            (settings ?? PinsSettings.Default).WithPinctrlRoot(FakePwmTree.PinctrlRoot),
            name: "pins-" + (++_services),
            gpio: GpioOptions.Default.WithModel(model).WithPwmRoot(FakePwmTree.PwmRoot),
            pwmFileSystem: tree);
}
