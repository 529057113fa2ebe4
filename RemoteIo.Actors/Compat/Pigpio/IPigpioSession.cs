namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>
/// The pin-changing operations of one pigpio client connection. The first operation on a pin claims
/// it for this session; a pin another session owns answers <see cref="PigpioStatus.InUse"/> and is
/// left untouched. Arguments arrive already checked against pigpio's ranges.
/// </summary>
public interface IPigpioSession
{
    /// <summary>Claims <paramref name="gpio"/> for this session without changing it (PRS/PFS on an idle pin change only pigpio's bookkeeping).</summary>
    /// <param name="gpio">The BCM GPIO, 0-53.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    ValueTask<PigpioStatus> ClaimAsync(int gpio, CancellationToken cancellationToken);

    /// <summary>Sets a GPIO's mode. A mode different from the current one stops whatever the pin was producing (PWM, servo pulses, hardware PWM).</summary>
    /// <param name="gpio">The BCM GPIO, 0-53.</param>
    /// <param name="mode">The new mode.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    ValueTask<PigpioStatus> SetModeAsync(int gpio, PigpioMode mode, CancellationToken cancellationToken);

    /// <summary>Sets a GPIO's pull resistor.</summary>
    /// <param name="gpio">The BCM GPIO, 0-53.</param>
    /// <param name="pull">The pull.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    ValueTask<PigpioStatus> SetPullAsync(int gpio, PigpioPull pull, CancellationToken cancellationToken);

    /// <summary>Drives a GPIO to a steady level, making it an output and stopping any PWM or servo pulses (pigpio's WRITE).</summary>
    /// <param name="gpio">The BCM GPIO, 0-53.</param>
    /// <param name="level">True for high.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    ValueTask<PigpioStatus> WriteAsync(int gpio, bool level, CancellationToken cancellationToken);

    /// <summary>
    /// Sets (<paramref name="level"/> true) or clears the output latch of every GPIO in
    /// <paramref name="gpios"/> at once, without changing modes (BS1/BC1/BS2/BC2). All or nothing: if
    /// any of them is in use by another session, none is changed.
    /// </summary>
    /// <param name="bank">0: bit n is GPIO n; 1: bit n is GPIO 32+n.</param>
    /// <param name="gpios">The GPIOs, as a bit mask of the bank.</param>
    /// <param name="level">True to set, false to clear.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    ValueTask<PigpioStatus> WriteBankAsync(int bank, uint gpios, bool level, CancellationToken cancellationToken);

    /// <summary>
    /// Produces software PWM on a GPIO (making it an output): <paramref name="dutyCycle"/> of each
    /// period high at <paramref name="frequencyHz"/>. 0 holds the pin low, 1 holds it high. Replaces
    /// servo pulses or an earlier PWM setting.
    /// </summary>
    /// <param name="gpio">The BCM GPIO, 0-31.</param>
    /// <param name="frequencyHz">The PWM frequency pigpio chose (one of its table's values).</param>
    /// <param name="dutyCycle">The fraction of each period the pin is high, 0-1.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    ValueTask<PigpioStatus> SetPwmAsync(int gpio, int frequencyHz, double dutyCycle, CancellationToken cancellationToken);

    /// <summary>Produces servo pulses on a GPIO (making it an output): <paramref name="pulseWidthUs"/> high every 20 ms; 0 stops them and holds the pin low.</summary>
    /// <param name="gpio">The BCM GPIO, 0-31.</param>
    /// <param name="pulseWidthUs">0, or 500-2500 µs.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    ValueTask<PigpioStatus> SetServoAsync(int gpio, int pulseWidthUs, CancellationToken cancellationToken);

    /// <summary>
    /// Starts hardware PWM on a GPIO that has a hardware channel (RemoteIo: sysfs PWM), or stops it
    /// when <paramref name="frequencyHz"/> is 0. Answer <see cref="PigpioStatus.NotAvailable"/> when
    /// the pin has no channel on this host.
    /// </summary>
    /// <param name="gpio">The BCM GPIO, 0-53.</param>
    /// <param name="frequencyHz">The frequency the hardware will really produce, or 0 to stop.</param>
    /// <param name="dutyCycleMillionths">The high fraction of each period in millionths, 0-1,000,000.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    ValueTask<PigpioStatus> SetHardwarePwmAsync(int gpio, int frequencyHz, int dutyCycleMillionths, CancellationToken cancellationToken);

    /// <summary>Sends one pulse: the GPIO goes to <paramref name="level"/> for <paramref name="pulseLengthUs"/>, then to the opposite level (TRIG).</summary>
    /// <param name="gpio">The BCM GPIO, 0-31.</param>
    /// <param name="pulseLengthUs">1-100 µs.</param>
    /// <param name="level">The pulse's level.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    ValueTask<PigpioStatus> TriggerAsync(int gpio, int pulseLengthUs, bool level, CancellationToken cancellationToken);

    /// <summary>
    /// Ends the session (the client disconnected or the endpoint stops): every pin it claimed goes to
    /// its safe state and is released. Called exactly once; no other call follows it.
    /// </summary>
    /// <param name="cancellationToken">Cancels waiting for the release (the release itself still happens).</param>
    ValueTask CloseAsync(CancellationToken cancellationToken);
}
