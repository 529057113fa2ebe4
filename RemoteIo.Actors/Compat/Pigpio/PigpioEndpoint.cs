using Microsoft.Extensions.Logging;

namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>What every connection of one pigpio endpoint shares, as pigpiod's connections share the daemon.</summary>
/// <param name="Backend">The board.</param>
/// <param name="Options">The emulation settings.</param>
/// <param name="Gpios">pigpio's per-GPIO bookkeeping.</param>
/// <param name="PwmTable">The PWM frequency table for the sample rate.</param>
/// <param name="Notifier">Notification handles, watchdogs and filters.</param>
/// <param name="Time">The clock for delays.</param>
/// <param name="Logger">Where failures go.</param>
internal sealed record PigpioEndpoint(
    IPigpioBackend Backend,
    PigpioOptions Options,
    PigpioGpioTable Gpios,
    PigpioPwmTable PwmTable,
    PigpioNotifier Notifier,
    TimeProvider Time,
    ILogger Logger)
{
    /// <summary>pigpio's <c>myPermit</c>: a GPIO above 53 passes (and fails its own range check later); others must be in the update mask.</summary>
    /// <param name="gpio">The GPIO from the request.</param>
    public bool Permits(uint gpio) => gpio > PigpioGpioTable.MaxGpio || ((Options.UpdateMask >> (int)gpio) & 1) != 0;

    /// <summary>pigpio's first checks of a command that changes a GPIO: permission, then the GPIO's range.</summary>
    /// <param name="gpio">The GPIO from the request.</param>
    /// <param name="maxGpio">53 (any GPIO, else PI_BAD_GPIO) or 31 (bank 1 only, else PI_BAD_USER_GPIO).</param>
    /// <returns>0 when the command may go on, else the error code.</returns>
    public int CheckChange(uint gpio, int maxGpio) => !Permits(gpio) ? (int)PigpioError.NotPermitted : CheckRange(gpio, maxGpio);

    /// <summary>pigpio's range check of a GPIO argument.</summary>
    /// <param name="gpio">The GPIO from the request.</param>
    /// <param name="maxGpio">53 (else PI_BAD_GPIO) or 31 (else PI_BAD_USER_GPIO).</param>
    /// <returns>0 when in range, else the error code.</returns>
    public static int CheckRange(uint gpio, int maxGpio) => gpio <= maxGpio ? 0
        : maxGpio == PigpioGpioTable.MaxGpio ? (int)PigpioError.BadGpio : (int)PigpioError.BadUserGpio;
}
