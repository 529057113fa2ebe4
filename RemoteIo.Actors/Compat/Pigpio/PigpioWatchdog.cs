namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>A GPIO's watchdog (WDOG): fires when the GPIO has not changed level for its timeout, then again every timeout while it stays quiet.</summary>
/// <param name="Gpio">The watched GPIO, 0-31.</param>
/// <param name="Timeout">How long the GPIO may stay quiet.</param>
internal sealed class PigpioWatchdog(int Gpio, TimeSpan Timeout)
{
    /// <summary>The watched GPIO.</summary>
    public int Gpio { get; } = Gpio;

    /// <summary>How long the GPIO may stay quiet.</summary>
    public TimeSpan Timeout { get; } = Timeout;

    /// <summary>When the GPIO last changed, or the watchdog last fired (TimeProvider timestamp).</summary>
    public long LastActivity { get; set; }

    /// <summary>The timer that checks for silence.</summary>
    public ITimer? Timer { get; set; }
}
