namespace RemoteIo.Actors.Gpio.Boards;

/// <summary>What a position of the 40-pin header is.</summary>
public enum HeaderPinRole
{
    /// <summary>A general-purpose GPIO.</summary>
    Gpio = 0,

    /// <summary>GPIO 0 / 1 (ID_SD / ID_SC): a GPIO, but reserved for the HAT identification EEPROM's I²C bus.</summary>
    IdEeprom = 1,

    /// <summary>3.3 V supply (positions 1 and 17).</summary>
    Power3V3 = 2,

    /// <summary>5 V supply (positions 2 and 4).</summary>
    Power5V = 3,

    /// <summary>Ground (positions 6, 9, 14, 20, 25, 30, 34, 39).</summary>
    Ground = 4,
}
