namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>
/// pigpio's per-GPIO bookkeeping for one endpoint (its <c>gpioInfo</c> and hardware PWM channel
/// state), shared by every connection as pigpiod's is. Thread-safe.
/// </summary>
internal sealed class PigpioGpioTable
{
    /// <summary>The highest GPIO pigpio knows (PI_MAX_GPIO).</summary>
    public const int MaxGpio = 53;

    /// <summary>The highest GPIO of bank 1 (PI_MAX_USER_GPIO).</summary>
    public const int MaxUserGpio = 31;

    /// <summary>Guards the entries.</summary>
    private readonly Lock _gate = new();

    /// <summary>One entry per GPIO 0-53.</summary>
    private readonly PigpioGpioState[] _gpios = new PigpioGpioState[MaxGpio + 1];

    /// <summary>The two hardware PWM channels.</summary>
    private readonly PigpioHardwareChannel[] _channels = new PigpioHardwareChannel[2];

    /// <summary>Creates the table with every GPIO untouched.</summary>
    public PigpioGpioTable() => Array.Fill(_gpios, PigpioGpioState.Initial);

    /// <summary>The hardware PWM channel wired to <paramref name="gpio"/> (pigpio's <c>PWMDef</c>), or -1.</summary>
    /// <param name="gpio">The BCM GPIO.</param>
    public static int HardwareChannelOf(int gpio) => gpio switch
    {
        12 or 18 or 40 or 52 => 0,
        13 or 19 or 41 or 45 or 53 => 1,
        _ => -1,
    };

    /// <summary>The entry of <paramref name="gpio"/>.</summary>
    /// <param name="gpio">0-53.</param>
    public PigpioGpioState Get(int gpio)
    {
        lock (_gate)
        {
            return _gpios[gpio];
        }
    }

    /// <summary>Replaces the entry of <paramref name="gpio"/>.</summary>
    /// <param name="gpio">0-53.</param>
    /// <param name="state">The new entry.</param>
    public void Set(int gpio, PigpioGpioState state)
    {
        lock (_gate)
        {
            _gpios[gpio] = state;
        }
    }

    /// <summary>Forgets what pigpio did to <paramref name="gpio"/> (its session released it to the safe state).</summary>
    /// <param name="gpio">0-53.</param>
    public void Reset(int gpio) => Set(gpio, PigpioGpioState.Initial);

    /// <summary>The state of hardware channel <paramref name="channel"/>.</summary>
    /// <param name="channel">0 or 1.</param>
    public PigpioHardwareChannel GetChannel(int channel)
    {
        lock (_gate)
        {
            return _channels[channel];
        }
    }

    /// <summary>Records what hardware channel <paramref name="channel"/> now produces.</summary>
    /// <param name="channel">0 or 1.</param>
    /// <param name="state">Its frequency, dutycycle and real range.</param>
    public void SetChannel(int channel, PigpioHardwareChannel state)
    {
        lock (_gate)
        {
            _channels[channel] = state;
        }
    }
}
