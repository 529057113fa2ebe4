namespace RemoteIo.Actors.Pins;

/// <summary>
/// Whether PWM commands (value, pulse, servo) may use a pin's hardware PWM channel
/// (<c>remoteio.pins.hardware-pwm</c>).
/// </summary>
public enum HardwarePwmMode
{
    /// <summary>
    /// Use a GPIO's hardware channel when the board model maps the GPIO to one, the pwmchip is
    /// present and writable, and the host can give the pin back its PWM function (the pinctrl
    /// debugfs); every other GPIO, and a GPIO whose shared channel another GPIO is using, gets
    /// software PWM. The start log says which GPIOs have hardware PWM and why the others do not.
    /// </summary>
    Auto = 0,

    /// <summary>Software PWM on every GPIO; /sys/class/pwm is never touched.</summary>
    Off = 1,
}
