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

    /// <summary>The errno of the last P/Invoke on this thread.</summary>
    public static int Last => Marshal.GetLastPInvokeError();

    /// <summary>Builds the exception for <paramref name="errno"/>.</summary>
    /// <param name="errno">The error number.</param>
    /// <param name="what">What was attempted, e.g. "opening /dev/gpiochip0" or "requesting line 17 on /dev/gpiochip0".</param>
    /// <returns>The exception (to throw).</returns>
    public static GpioException ToException(int errno, string what)
    {
        var text = $"{what} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})";
        return errno switch
        {
            Libc.EACCES or Libc.EPERM => new GpioPermissionException($"{text}; {PermissionHint}") { Errno = errno },
            Libc.ENOENT or Libc.ENODEV or Libc.ENXIO => new GpioNotFoundException(text) { Errno = errno },
            Libc.EBUSY => new GpioBusyException(text) { Errno = errno },
            Libc.EINVAL => new GpioInvalidArgumentException($"{text}: the kernel refused the request as invalid") { Errno = errno },
            Libc.ENOTTY => new GpioInvalidArgumentException($"{text}: not a GPIO character device (or a kernel without the GPIO uAPI v2)") { Errno = errno },
            _ => new GpioException(text) { Errno = errno },
        };
    }
}
