namespace RemoteIo.Actors.Gpio;

/// <summary>A line and the value to write to it, for multi-line writes (System.Device.Gpio's <c>PinValuePair</c>).</summary>
/// <param name="Line">The line offset on the chip (the BCM number on a Raspberry Pi).</param>
/// <param name="Value">The logical value.</param>
public readonly record struct PinValuePair(int Line, PinValue Value);
