namespace RemoteIo.Actors.Pins;

/// <summary>
/// What the host does with work still queued on its pins when it shuts down
/// (<c>remoteio.pins.shutdown</c>). Either way every pin ends in its safe level before the process
/// exits, and every accepted command gets its final outcome.
/// </summary>
public enum ShutdownBehavior
{
    /// <summary>
    /// Finish what was accepted (the soft close of every session), up to
    /// <see cref="PinsSettings.DrainTimeout"/>; whatever still runs then is cut. The default,
    /// because wait mode promises that every accepted command runs.
    /// </summary>
    Drain = 0,

    /// <summary>Interrupt running commands and supersede queued ones at once (a fast stop).</summary>
    Cut = 1,
}
