namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>A GPIO's function as pigpio numbers it (the BCM function-select values).</summary>
public enum PigpioMode
{
    /// <summary>PI_INPUT.</summary>
    Input = 0,

    /// <summary>PI_OUTPUT.</summary>
    Output = 1,

    /// <summary>PI_ALT5.</summary>
    Alt5 = 2,

    /// <summary>PI_ALT4.</summary>
    Alt4 = 3,

    /// <summary>PI_ALT0.</summary>
    Alt0 = 4,

    /// <summary>PI_ALT1.</summary>
    Alt1 = 5,

    /// <summary>PI_ALT2.</summary>
    Alt2 = 6,

    /// <summary>PI_ALT3.</summary>
    Alt3 = 7,
}
