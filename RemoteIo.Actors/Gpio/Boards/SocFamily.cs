namespace RemoteIo.Actors.Gpio.Boards;

/// <summary>The Raspberry Pi SoC families, which decide where hardware PWM lives.</summary>
public enum SocFamily
{
    /// <summary>Not a recognised Raspberry Pi (or no device tree): the 40-pin layout is assumed, no hardware PWM map.</summary>
    Unknown = 0,

    /// <summary>BCM2835/2836/2837 (Pi 1 A+/B+, Pi 2, Pi 3, Zero, Zero 2): PWM0/PWM1 on pwmchip0 channels 0/1.</summary>
    Bcm283x = 1,

    /// <summary>BCM2711 (Pi 4, Pi 400, CM4): PWM0/PWM1 on pwmchip0 channels 0/1.</summary>
    Bcm2711 = 2,

    /// <summary>BCM2712 with the RP1 I/O chip (Pi 5, Pi 500, CM5): four PWM channels on the RP1's pwmchip.</summary>
    Bcm2712 = 3,
}
