namespace RemoteIo.Actors.Gpio;

/// <summary>
/// The logical level of a GPIO line: <see cref="High"/> or <see cref="Low"/>. Shaped after
/// System.Device.Gpio's <c>PinValue</c> so code moves between the two unchanged; converts from
/// <see cref="bool"/> and <see cref="int"/> (non-zero is high) so callers can write
/// <c>controller.Write(17, 1)</c> or <c>controller.Write(17, true)</c>.
/// </summary>
/// <remarks>Logical means after active-low inversion: a high value on an active-low line is a low voltage.</remarks>
public readonly record struct PinValue
{
    /// <summary>True for high; a <see cref="bool"/> keeps the struct one byte and the default value <see cref="Low"/>.</summary>
    private readonly bool _high;

    /// <summary>Creates a value from a boolean (true is high).</summary>
    /// <param name="high">True for high.</param>
    private PinValue(bool high) => _high = high;

    /// <summary>The high level (logical 1).</summary>
    public static PinValue High { get; } = new(true);

    /// <summary>The low level (logical 0); also the <c>default</c> value.</summary>
    public static PinValue Low => default;

    /// <summary>True when the value is <see cref="High"/>.</summary>
    public bool IsHigh => _high;

    /// <summary>The value as 1 (high) or 0 (low), as the kernel and the pigpio protocol encode it.</summary>
    public int AsInt => _high ? 1 : 0;

    /// <summary>Converts a boolean: true is high.</summary>
    /// <param name="value">The boolean.</param>
    public static implicit operator PinValue(bool value) => new(value);

    /// <summary>Converts an integer: any non-zero value is high (the C convention the kernel uses).</summary>
    /// <param name="value">The integer.</param>
    public static implicit operator PinValue(int value) => new(value != 0);

    /// <summary>Converts to a boolean: high is true.</summary>
    /// <param name="value">The level.</param>
    public static explicit operator bool(PinValue value) => value._high;

    /// <summary>Converts to an integer: high is 1, low is 0.</summary>
    /// <param name="value">The level.</param>
    public static explicit operator int(PinValue value) => value.AsInt;

    /// <summary>The opposite level (a toggle).</summary>
    /// <param name="value">The level to invert.</param>
    public static PinValue operator !(PinValue value) => new(!value._high);

    /// <summary>Named alternative to the boolean conversion.</summary>
    /// <param name="value">True for high.</param>
    /// <returns>The level.</returns>
    public static PinValue FromBoolean(bool value) => new(value);

    /// <summary>Named alternative to the integer conversion: any non-zero value is high.</summary>
    /// <param name="value">The integer.</param>
    /// <returns>The level.</returns>
    public static PinValue FromInt32(int value) => new(value != 0);

    /// <summary>Named alternative to the boolean conversion.</summary>
    /// <returns>True for high.</returns>
    public bool ToBoolean() => _high;

    /// <summary>Named alternative to the integer conversion.</summary>
    /// <returns>1 for high, 0 for low.</returns>
    public int ToInt32() => AsInt;

    /// <summary>Named alternative to the <c>!</c> operator.</summary>
    /// <returns>The opposite level.</returns>
    public PinValue LogicalNot() => new(!_high);

    /// <summary>"High" or "Low".</summary>
    /// <returns>The level's name.</returns>
    public override string ToString() => _high ? "High" : "Low";
}
