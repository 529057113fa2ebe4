namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>A GPIO's pull resistor as pigpio numbers it.</summary>
public enum PigpioPull
{
    /// <summary>PI_PUD_OFF: no pull.</summary>
    Off = 0,

    /// <summary>PI_PUD_DOWN: pull-down.</summary>
    Down = 1,

    /// <summary>PI_PUD_UP: pull-up.</summary>
    Up = 2,
}
