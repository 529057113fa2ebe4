using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Boards;
using RemoteIo.Actors.Gpio.Pwm;

namespace RemoteIo.Actors.Pins;

/// <summary>
/// Gives a header pin back to its hardware PWM channel. Requesting a line through the GPIO
/// character device switches the pin to GPIO mode, and releasing it does not switch it back (the
/// Pi kernels leave it a GPIO output or input), so a pin the host has driven as a GPIO only carries
/// its PWM channel again once its PWM function is selected: through the kernel's pinctrl debugfs,
/// <c>echo "gpio18 alt5" &gt; /sys/kernel/debug/pinctrl/&lt;controller&gt;/pinmux-select</c>
/// (Linux 5.12 and later; root).
/// </summary>
internal static class PwmPinFunction
{
    /// <summary>The BCM283x/BCM2711 pinctrl function of a plain GPIO input (what a pin a channel must not reach is set to).</summary>
    public const string Input = "gpio_in";

    /// <summary>
    /// The pinctrl function that routes a GPIO's PWM channel to its pin: on the BCM283x/BCM2711
    /// PWM0/PWM1 are ALT0 on GPIO 12/13 and ALT5 on GPIO 18/19; on the Pi 5's RP1 the function is
    /// named <c>pwm0</c> on all four.
    /// </summary>
    /// <param name="soc">The SoC family.</param>
    /// <param name="gpio">The GPIO.</param>
    /// <returns>The function name, or null when the GPIO has no PWM function there.</returns>
    public static string? For(SocFamily soc, int gpio) => (soc, gpio) switch
    {
        (SocFamily.Bcm2712, 12 or 13 or 18 or 19) => "pwm0",
        (SocFamily.Bcm283x or SocFamily.Bcm2711, 12 or 13) => "alt0",
        (SocFamily.Bcm283x or SocFamily.Bcm2711, 18 or 19) => "alt5",
        _ => null,
    };

    /// <summary>
    /// Finds the <c>pinmux-select</c> file of the SoC's GPIO controller under the debugfs pinctrl
    /// directory. Its directory is named after the device, with the driver's name appended on
    /// recent kernels (<c>fe200000.gpio-pinctrl-bcm2711</c>, <c>1f000d0000.gpio-pinctrl-rp1</c>).
    /// </summary>
    /// <param name="soc">The SoC family.</param>
    /// <param name="pinctrlRoot">The debugfs pinctrl directory.</param>
    /// <param name="fs">The file operations.</param>
    /// <param name="why">Why none was found, for the start log.</param>
    /// <returns>The writable file's path, or null.</returns>
    public static string? FindPinmuxSelect(SocFamily soc, string pinctrlRoot, PwmFileSystem fs, out string why)
    {
        string[] names = soc == SocFamily.Bcm2712
            ? ["pinctrl-rp1", "1f000d0000.gpio"]
            : ["pinctrl-bcm2711", "pinctrl-bcm2835", "fe200000.gpio", "3f200000.gpio", "20200000.gpio", "7e200000.gpio"];
        IReadOnlyList<string> devices;
        try
        {
            devices = fs.EnumerateDirectories(pinctrlRoot, "*");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            devices = [];
        }

        var device = devices.FirstOrDefault(d => names.Any(n => Path.GetFileName(d).Contains(n, StringComparison.Ordinal)));
        if (device is null)
        {
            why = devices.Count == 0
                ? $"{pinctrlRoot} is missing or unreadable (debugfs must be mounted, and readable only by root)"
                : $"no GPIO controller of this SoC under {pinctrlRoot} (present: {string.Join(", ", devices.Select(Path.GetFileName))})";
            return null;
        }

        var select = Path.Combine(device, "pinmux-select");
        if (!fs.IsWritable(select))
        {
            why = $"{select} is missing or not writable (it needs Linux 5.12 or later and root)";
            return null;
        }

        why = string.Empty;
        return select;
    }

    /// <summary>Selects <paramref name="function"/> on <paramref name="gpio"/>'s pin.</summary>
    /// <param name="fs">The file operations.</param>
    /// <param name="pinmuxSelect">The controller's pinmux-select file.</param>
    /// <param name="gpio">The GPIO.</param>
    /// <param name="function">The function, e.g. <c>alt5</c>.</param>
    /// <exception cref="GpioException">The kernel refused it; the message names the file and value.</exception>
    public static void Select(PwmFileSystem fs, string pinmuxSelect, int gpio, string function)
    {
        var value = $"gpio{gpio} {function}";
        try
        {
            fs.WriteAllText(pinmuxSelect, value);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new GpioPermissionException($"selecting the PWM function: permission denied writing \"{value}\" to {pinmuxSelect} (root only)", e) { Errno = 13 };
        }
        catch (IOException e)
        {
            throw new GpioException($"selecting the PWM function: writing \"{value}\" to {pinmuxSelect} failed: {e.Message}", e) { Errno = e.HResult };
        }
    }
}
