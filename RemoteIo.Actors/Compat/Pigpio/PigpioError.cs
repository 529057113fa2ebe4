namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>
/// The error codes RemoteIo's pigpio endpoint answers with: pigpio's own (<c>PI_*</c> in pigpio.h,
/// version 79), with their values, so clients' <c>error_text</c> tables read them correctly. A reply
/// carries one of these as its signed result; non-negative results are values.
/// </summary>
public enum PigpioError
{
    /// <summary>PI_BAD_USER_GPIO: the GPIO is not 0-31 (commands limited to bank 1).</summary>
    BadUserGpio = -2,

    /// <summary>PI_BAD_GPIO: the GPIO is not 0-53.</summary>
    BadGpio = -3,

    /// <summary>PI_BAD_MODE: the mode is not 0-7.</summary>
    BadMode = -4,

    /// <summary>PI_BAD_LEVEL: the level is not 0-1.</summary>
    BadLevel = -5,

    /// <summary>PI_BAD_PUD: the pull is not 0-2.</summary>
    BadPud = -6,

    /// <summary>PI_BAD_PULSEWIDTH: the servo pulsewidth is not 0 or 500-2500.</summary>
    BadPulsewidth = -7,

    /// <summary>PI_BAD_DUTYCYCLE: the dutycycle is outside the GPIO's range.</summary>
    BadDutycycle = -8,

    /// <summary>PI_BAD_WDOG_TIMEOUT: the watchdog timeout is not 0-60000 ms.</summary>
    BadWatchdogTimeout = -15,

    /// <summary>PI_BAD_DUTYRANGE: the dutycycle range is not 25-40000.</summary>
    BadDutyRange = -21,

    /// <summary>PI_NO_HANDLE: all 32 notification handles are in use.</summary>
    NoHandle = -24,

    /// <summary>PI_BAD_HANDLE: the notification handle is not open.</summary>
    BadHandle = -25,

    /// <summary>PI_NOT_INITIALISED: the host is shutting down and takes no more commands.</summary>
    NotInitialised = -31,

    /// <summary>PI_NOT_PERMITTED: the GPIO may not be updated (outside the update mask), or the host refused the operation.</summary>
    NotPermitted = -41,

    /// <summary>PI_SOME_PERMITTED: a bank write named GPIOs outside the update mask; the permitted ones were written.</summary>
    SomePermitted = -42,

    /// <summary>PI_BAD_PULSELEN: the trigger pulse length is not 1-100 µs.</summary>
    BadPulseLength = -46,

    /// <summary>PI_GPIO_IN_USE: another session (client) owns the GPIO.</summary>
    GpioInUse = -50,

    /// <summary>PI_BAD_MICS_DELAY: the MICS delay is over 1,000,000 µs.</summary>
    BadMicsDelay = -64,

    /// <summary>PI_BAD_MILS_DELAY: the MILS delay is over 60,000 ms.</summary>
    BadMilsDelay = -65,

    /// <summary>PI_BAD_PARAM: a command that needs extension bytes arrived without them.</summary>
    BadParameter = -81,

    /// <summary>PI_UNKNOWN_COMMAND: the command number is unknown or not implemented by RemoteIo.</summary>
    UnknownCommand = -88,

    /// <summary>PI_NOT_PWM_GPIO: the GPIO is not producing PWM.</summary>
    NotPwmGpio = -92,

    /// <summary>PI_NOT_SERVO_GPIO: the GPIO is not producing servo pulses.</summary>
    NotServoGpio = -93,

    /// <summary>PI_NOT_HPWM_GPIO: the GPIO has no hardware PWM channel.</summary>
    NotHardwarePwmGpio = -95,

    /// <summary>PI_BAD_HPWM_FREQ: the hardware PWM frequency is out of range.</summary>
    BadHardwarePwmFrequency = -96,

    /// <summary>PI_BAD_HPWM_DUTY: the hardware PWM dutycycle is not 0-1,000,000.</summary>
    BadHardwarePwmDuty = -97,

    /// <summary>PI_BAD_FILTER: a glitch or noise filter parameter is out of range.</summary>
    BadFilter = -125,

    /// <summary>PI_BAD_EVENT_ID: the event is not 0-31.</summary>
    BadEventId = -143,
}
