namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>The <c>flags</c> bits of a notification report (<c>PI_NTFY_FLAGS_*</c> in pigpio.h).</summary>
public static class PigpioNotifyFlags
{
    /// <summary>PI_NTFY_FLAGS_EVENT: an event (number in the low five bits) was triggered.</summary>
    public const ushort Event = 1 << 7;

    /// <summary>PI_NTFY_FLAGS_ALIVE: a keep-alive, sent after 60 seconds without any other report.</summary>
    public const ushort Alive = 1 << 6;

    /// <summary>PI_NTFY_FLAGS_WDOG: the watchdog of the GPIO in the low five bits timed out.</summary>
    public const ushort Watchdog = 1 << 5;

    /// <summary>The low five bits: the GPIO (watchdog) or event number.</summary>
    public const ushort NumberMask = 31;
}
