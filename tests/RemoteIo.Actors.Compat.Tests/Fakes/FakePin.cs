using RemoteIo.Actors.Compat.Pigpio;

namespace RemoteIo.Actors.Compat.Tests.Fakes;

/// <summary>One GPIO of the fake board.</summary>
internal sealed class FakePin
{
    public PigpioMode Mode { get; set; } = PigpioMode.Input;

    public PigpioPull Pull { get; set; }

    /// <summary>The output latch.</summary>
    public bool Latch { get; set; }

    /// <summary>The level something outside drives onto the pin (a test, a wire).</summary>
    public bool? ExternalLevel { get; set; }

    /// <summary>What the pin produces while an output: null = steady latch.</summary>
    public string? Signal { get; set; }

    public double PwmFrequency { get; set; }

    public double PwmDuty { get; set; }

    public int ServoWidth { get; set; }

    public int HardwareFrequency { get; set; }

    public int HardwareDuty { get; set; }

    /// <summary>The owning session; 0 when free.</summary>
    public int Owner { get; set; }

    /// <summary>The level a read sees.</summary>
    public bool Level => Mode switch
    {
        PigpioMode.Output => Signal switch
        {
            "pwm" => PwmDuty >= 1,
            "servo" => false,
            _ => Latch,
        },
        PigpioMode.Input => ExternalLevel ?? Pull == PigpioPull.Up,
        _ => Latch,
    };
}
