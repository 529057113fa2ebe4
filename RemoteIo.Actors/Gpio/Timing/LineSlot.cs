namespace RemoteIo.Actors.Gpio.Timing;

/// <summary>What the scheduler knows about one line: the running waveform, the one waiting to take over, and the last level written.</summary>
internal struct LineSlot
{
    /// <summary>True while <see cref="Current"/> runs.</summary>
    public bool Active;

    /// <summary>The running waveform.</summary>
    public Waveform Current;

    /// <summary>Its token.</summary>
    public long CurrentToken;

    /// <summary>True while <see cref="Pending"/> waits for its start.</summary>
    public bool HasPending;

    /// <summary>The waveform that takes over at its start timestamp.</summary>
    public Waveform Pending;

    /// <summary>Its token.</summary>
    public long PendingToken;

    /// <summary>
    /// True when <see cref="Pending"/> is a queued waveform (<see cref="EdgeScheduler.StartQueued"/>):
    /// taken over late, it starts when it is written instead of losing the time it is late.
    /// </summary>
    public bool PendingMovable;

    /// <summary>True once the scheduler has written the line (so <see cref="Level"/> is what the line holds).</summary>
    public bool LevelKnown;

    /// <summary>The last level written.</summary>
    public bool Level;

    /// <summary>When the line next needs attention; <see cref="long.MaxValue"/> for never.</summary>
    public long NextDue;
}
