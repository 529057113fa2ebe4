namespace RemoteIo.Actors.Gpio;

/// <summary>How an output drives its pin (the kernel's <c>OPEN_DRAIN</c> / <c>OPEN_SOURCE</c> flags).</summary>
public enum LineDrive
{
    /// <summary>Drives both levels actively.</summary>
    PushPull = 0,

    /// <summary>Drives low actively and releases the pin (high impedance) for high: for wired-AND buses and external pull-ups.</summary>
    OpenDrain = 1,

    /// <summary>Drives high actively and releases the pin for low.</summary>
    OpenSource = 2,
}
