namespace RemoteIo.ClientNode;

/// <summary>What a <see cref="PinEvent"/> reports.</summary>
public enum PinEventKind
{
    /// <summary>The level changed (<see cref="PinEvent.Level"/> is the new level).</summary>
    Edge = 0,

    /// <summary>No edge for the observation's watchdog time (<see cref="PinEvent.SilentFor"/>).</summary>
    Watchdog = 1,

    /// <summary>
    /// Events were lost before this point (<see cref="PinEvent.Dropped"/> of them): the host's
    /// queue for this observer overflowed, or this client's own buffer did because nobody read it.
    /// The sequence numbers show the gap.
    /// </summary>
    Dropped = 2,
}
