namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>How the pigpio endpoint emulates pigpiod (immutable; change with the <c>WithX</c> methods).</summary>
public sealed record PigpioOptions
{
    /// <summary>pigpio's default update mask for a Pi 3B/4B: clients may change GPIO 2-27 (the 40-pin header's GPIOs but the ID EEPROM pair).</summary>
    public const ulong DefaultUpdateMask = 0x0FFF_FFFC;

    /// <summary>The options pigpiod starts with.</summary>
    public static PigpioOptions Default { get; } = new();

    /// <summary>GPIOs clients may change (bit n = GPIO n, 0-53); others answer PI_NOT_PERMITTED, as pigpiod's <c>-x</c> mask.</summary>
    public ulong UpdateMask { get; init; } = DefaultUpdateMask;

    /// <summary>Reported by HWVER instead of the backend's revision (e.g. a Pi 4B code for old clients that do not know a Pi 5); null reports the backend's.</summary>
    public uint? HardwareRevision { get; init; }

    /// <summary>pigpiod's sample rate in µs (<c>-s</c>: 1, 2, 4, 5, 8 or 10); it decides the PWM frequency table. Default 5.</summary>
    public int SampleRateMicroseconds { get; init; } = 5;

    /// <summary>The clock hardware PWM divides (PLLD: 750 MHz on a BCM2711, 500 MHz before); it decides the frequencies HP can really make.</summary>
    public long HardwarePwmClockHz { get; init; } = 750_000_000;

    /// <summary>Silence after which a notification handle gets a keep-alive report (pigpio: one minute).</summary>
    public TimeSpan AliveInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Reports buffered per notification handle for a slow reader; beyond it reports are dropped (a sequence gap shows it).</summary>
    public int NotificationQueueCapacity { get; init; } = 4096;

    /// <summary>Returns a copy with <paramref name="mask"/> as the update mask.</summary>
    /// <param name="mask">Bit n set lets clients change GPIO n.</param>
    public PigpioOptions WithUpdateMask(ulong mask) => this with { UpdateMask = mask };

    /// <summary>Returns a copy reporting <paramref name="revision"/> to HWVER (null: the backend's).</summary>
    /// <param name="revision">The revision code.</param>
    public PigpioOptions WithHardwareRevision(uint? revision) => this with { HardwareRevision = revision };

    /// <summary>Returns a copy with pigpiod's sample rate <paramref name="microseconds"/>.</summary>
    /// <param name="microseconds">1, 2, 4, 5, 8 or 10.</param>
    public PigpioOptions WithSampleRate(int microseconds) => this with { SampleRateMicroseconds = microseconds };

    /// <summary>Returns a copy whose hardware PWM divides <paramref name="hertz"/>.</summary>
    /// <param name="hertz">The PWM clock.</param>
    public PigpioOptions WithHardwarePwmClock(long hertz) => this with { HardwarePwmClockHz = hertz };

    /// <summary>Returns a copy sending keep-alive reports after <paramref name="interval"/> of silence.</summary>
    /// <param name="interval">The silence before a keep-alive.</param>
    public PigpioOptions WithAliveInterval(TimeSpan interval) => this with { AliveInterval = interval };

    /// <summary>Returns a copy buffering <paramref name="reports"/> reports per handle.</summary>
    /// <param name="reports">At least 1.</param>
    public PigpioOptions WithNotificationQueueCapacity(int reports) => this with { NotificationQueueCapacity = reports };

    /// <summary>Checks the options and says exactly what is wrong.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (SampleRateMicroseconds is not (1 or 2 or 4 or 5 or 8 or 10))
        {
            throw new ArgumentException($"pigpio: sample rate {SampleRateMicroseconds} µs is not one of pigpiod's 1, 2, 4, 5, 8 or 10.");
        }

        if (HardwarePwmClockHz < 4)
        {
            throw new ArgumentException($"pigpio: hardware PWM clock {HardwarePwmClockHz} Hz is too low.");
        }

        if (AliveInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"pigpio: alive interval {AliveInterval} must be positive.");
        }

        if (NotificationQueueCapacity < 1)
        {
            throw new ArgumentException($"pigpio: notification queue capacity {NotificationQueueCapacity} must be at least 1.");
        }

        if ((UpdateMask >> 54) != 0)
        {
            throw new ArgumentException($"pigpio: update mask 0x{UpdateMask:X} names GPIOs above 53.");
        }
    }
}
