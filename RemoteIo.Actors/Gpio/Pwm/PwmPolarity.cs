namespace RemoteIo.Actors.Gpio.Pwm;

/// <summary>A PWM channel's polarity (sysfs <c>polarity</c>: "normal" or "inversed").</summary>
public enum PwmPolarity
{
    /// <summary>High for the duty part of each period.</summary>
    Normal = 0,

    /// <summary>Low for the duty part of each period.</summary>
    Inversed = 1,
}
