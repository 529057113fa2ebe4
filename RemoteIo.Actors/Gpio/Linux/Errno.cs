using System.Runtime.InteropServices;
using RemoteIo.Actors.Gpio.Interop;

namespace RemoteIo.Actors.Gpio.Linux;

/// <summary>Turns a failed system call's errno into the layer's exception types, with a message a user can act on.</summary>
internal static class Errno
{
    /// <summary>What to do about EACCES/EPERM on a GPIO chip.</summary>
    public const string PermissionHint =
        "add the user to the 'gpio' group (sudo usermod -aG gpio $USER, then log in again) or run as root; "
        + "where that group has no access, a udev rule such as SUBSYSTEM==\"gpio\", KERNEL==\"gpiochip*\", GROUP=\"gpio\", MODE=\"0660\" grants it";

    /// <summary>What EINVAL means from a GPIO chip: the kernel gives it for bad contents and for an ioctl it does not know alike.</summary>
    public const string InvalidHint =
        "the kernel refused it as invalid (bad contents, or an ioctl number this kernel does not know: Linux answers both with EINVAL)";

    /// <summary>The errno of the last P/Invoke on this thread.</summary>
    public static int Last => Marshal.GetLastPInvokeError();

    /// <summary>Builds the exception for <paramref name="errno"/>.</summary>
    /// <param name="errno">The error number.</param>
    /// <param name="what">
    /// What was attempted, e.g. "opening /dev/gpiochip0" or, for an ioctl, its name and number and
    /// the chip and lines: "GPIO_V2_LINE_SET_VALUES_IOCTL (0xc010b40f) on gpiochip0 lines 6,7".
    /// </param>
    /// <returns>The exception (to throw).</returns>
    public static GpioException ToException(int errno, string what)
    {
        var text = $"{what} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})";
        return errno switch
        {
            Libc.EACCES or Libc.EPERM => new GpioPermissionException($"{text}; {PermissionHint}") { Errno = errno },
            Libc.ENOENT or Libc.ENODEV or Libc.ENXIO => new GpioNotFoundException(text) { Errno = errno },
            Libc.EBUSY => new GpioBusyException(text) { Errno = errno },
            Libc.EINVAL => new GpioInvalidArgumentException($"{text}: {InvalidHint}") { Errno = errno },
            Libc.ENOTTY => new GpioInvalidArgumentException($"{text}: not a GPIO character device (or a kernel without the GPIO uAPI v2)") { Errno = errno },
            _ => new GpioException(text) { Errno = errno },
        };
    }
}
