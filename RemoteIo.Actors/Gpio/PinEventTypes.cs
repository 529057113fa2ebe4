namespace RemoteIo.Actors.Gpio;

/// <summary>
/// Edge kinds, as in System.Device.Gpio: a line's edge detection is a combination
/// (<see cref="Rising"/> | <see cref="Falling"/>), an event's kind is exactly one of them.
/// </summary>
[Flags]
public enum PinEventTypes
{
    /// <summary>No edge detection.</summary>
    None = 0,

    /// <summary>Low to high (in logical terms: after active-low inversion, like the kernel reports it).</summary>
    Rising = 1,

    /// <summary>High to low (logical).</summary>
    Falling = 2,
}
