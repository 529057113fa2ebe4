namespace RemoteIo.Actors.Gpio;

/// <summary>
/// The simple pin modes of System.Device.Gpio's <c>PinMode</c>, for callers that need nothing
/// more; <see cref="LineSettings.For(PinMode)"/> turns one into full <see cref="LineSettings"/>
/// (drive, active-low, edge detection and debounce are only reachable through those).
/// </summary>
public enum PinMode
{
    /// <summary>Input with the bias left as it is.</summary>
    Input = 0,

    /// <summary>Push-pull output.</summary>
    Output = 1,

    /// <summary>Input with the internal pull-down resistor enabled.</summary>
    InputPullDown = 2,

    /// <summary>Input with the internal pull-up resistor enabled.</summary>
    InputPullUp = 3,
}
