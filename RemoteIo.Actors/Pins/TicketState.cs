namespace RemoteIo.Actors.Pins;

/// <summary>Where a command is in its life on a pin.</summary>
internal enum TicketState
{
    /// <summary>Arrived; not yet admitted (no outcome sent).</summary>
    New = 0,

    /// <summary>Accepted and waiting in the pin's stash.</summary>
    Queued = 1,

    /// <summary>Accepted, still stashed, but its waveform is already handed to the scheduler to take over exactly when the running one ends.</summary>
    Prequeued = 2,

    /// <summary>Its waveform is (or was) the pin's current one.</summary>
    Running = 3,

    /// <summary>Its final outcome has been sent.</summary>
    Done = 4,
}
