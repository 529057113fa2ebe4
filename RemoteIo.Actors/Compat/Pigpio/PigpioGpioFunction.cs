namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>What pigpio believes a GPIO is doing (its <c>gpioInfo[].is</c>), which decides GDC, GPW, PRG, PFG and PRRG answers.</summary>
internal enum PigpioGpioFunction
{
    /// <summary>Nothing pigpio started (after a mode change, or never touched).</summary>
    Undefined = 0,

    /// <summary>Written with WRITE.</summary>
    Write,

    /// <summary>Producing software PWM.</summary>
    Pwm,

    /// <summary>Producing servo pulses.</summary>
    Servo,

    /// <summary>Producing hardware PWM.</summary>
    HardwarePwm,
}
