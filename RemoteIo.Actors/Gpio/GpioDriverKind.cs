namespace RemoteIo.Actors.Gpio;

/// <summary>Which driver the host uses (HOCON <c>remoteio.gpio.driver</c>).</summary>
public enum GpioDriverKind
{
    /// <summary>The character device when a /dev/gpiochip* exists, the simulation otherwise.</summary>
    Auto = 0,

    /// <summary>The Linux GPIO character device; fails clearly when there is none.</summary>
    Chardev = 1,

    /// <summary>The simulated BCM2835-style chip with its transition log.</summary>
    Simulated = 2,
}
