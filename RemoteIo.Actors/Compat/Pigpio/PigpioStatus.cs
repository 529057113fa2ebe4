namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>
/// What a backend made of an operation that changes a pin. The engine turns it into pigpio's
/// answer: <see cref="InUse"/> becomes PI_GPIO_IN_USE, <see cref="NotPermitted"/> PI_NOT_PERMITTED,
/// <see cref="NotAvailable"/> the command's "not supported on this GPIO" code,
/// <see cref="ShuttingDown"/> PI_NOT_INITIALISED.
/// </summary>
public enum PigpioStatus
{
    /// <summary>Done.</summary>
    Ok = 0,

    /// <summary>Another session owns the pin (or it is still draining after its owner left); nothing changed.</summary>
    InUse,

    /// <summary>The host does not let clients change this pin (not exposed, reserved); nothing changed.</summary>
    NotPermitted,

    /// <summary>The pin cannot do this on this host (no hardware PWM channel, no such function); nothing changed.</summary>
    NotAvailable,

    /// <summary>The host is shutting down and takes nothing new; nothing changed.</summary>
    ShuttingDown,
}
