namespace RemoteIo.Actors.Compat.RemoteioText;

/// <summary>
/// The commands of remoteio's text protocol — a closed set: the name a client sends is looked up
/// here and nothing else is ever run (remoteio itself called <c>getattr</c> on a gpiozero LED).
/// </summary>
public enum RemoteioCommand
{
    /// <summary><c>create</c>: claims the pin for this connection (remoteio's <c>RemoteServer.pin</c>).</summary>
    Create = 0,

    /// <summary><c>on</c>: high; with a duration, low again when it ends (an impulse).</summary>
    On,

    /// <summary><c>off</c>: low; with a duration, the pin stays low and busy for that long.</summary>
    Off,

    /// <summary><c>blink</c>: toggles with on time arg1 and off time arg2 (seconds; 0 means 1 s); low when it ends.</summary>
    Blink,

    /// <summary><c>pulse</c>: PWM fade in over arg1 and out over arg2 (seconds; 0 means 1 s), repeatedly; low when it ends.</summary>
    Pulse,

    /// <summary><c>value</c>: PWM duty arg1 in [0, 1]; low when the duration ends.</summary>
    Value,

    /// <summary><c>close</c>: soft close — after everything queued for the pin, safe state and release; later commands for it are ignored.</summary>
    Close,
}
