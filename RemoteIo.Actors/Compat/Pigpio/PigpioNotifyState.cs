namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>The life of an open notification handle (pigpio's PI_NOTIFY_OPENED/RUNNING/PAUSED).</summary>
internal enum PigpioNotifyState
{
    /// <summary>Opened by NOIB, no GPIOs chosen yet: only keep-alives and events.</summary>
    Opened = 0,

    /// <summary>NB chose GPIOs: level changes and watchdogs are reported.</summary>
    Running,

    /// <summary>NP paused it: only keep-alives and events.</summary>
    Paused,
}
