using Xunit;

namespace RemoteIo.LinuxGpio.Tests;

/// <summary>
/// Where the kernel's simulators live inside the VM of tests/linux/run.sh, and the gate that keeps
/// this suite from passing anywhere else.
/// </summary>
internal static class KernelVm
{
    /// <summary>Set to 1 by the guest (tests/linux/guest/guest.sh) for every test process it starts.</summary>
    public const string MarkerVariable = "REMOTEIO_LINUX_VM";

    /// <summary>The configfs directory in which gpio-sim devices are created.</summary>
    public const string GpioSimConfigfs = "/sys/kernel/config/gpio-sim";

    /// <summary>The kernel's PWM class directory.</summary>
    public const string PwmClass = "/sys/class/pwm";

    /// <summary>
    /// Skips the calling test outside the VM (saying why), and fails it inside the VM when a
    /// simulator is missing: there every prerequisite must be present, a skip would hide a broken run.
    /// </summary>
    public static void Require()
    {
        Assert.SkipUnless(
            Environment.GetEnvironmentVariable(MarkerVariable) == "1",
            $"runs only inside the QEMU VM of tests/linux/run.sh ({MarkerVariable} is not set): it needs gpio-sim and pwm-sim in a real kernel");
        Assert.True(Directory.Exists(GpioSimConfigfs), $"{GpioSimConfigfs} is missing in the VM: gpio-sim.ko or configfs did not load");
        Assert.True(Directory.Exists(PwmClass), $"{PwmClass} is missing in the VM: the kernel has no PWM sysfs");
    }
}
