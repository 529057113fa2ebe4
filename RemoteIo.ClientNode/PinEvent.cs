namespace RemoteIo.ClientNode;

/// <summary>
/// Something that happened on an observed pin: an edge (with the host's timestamp and the pin's
/// sequence number, identical for every observer, so gaps are visible), a watchdog expiry or a
/// notice that events were dropped.
/// </summary>
/// <param name="Gpio">The pin's GPIO number.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Level">The level: the new one for an edge, the current one for a watchdog.</param>
/// <param name="TimestampNanoseconds">The host's CLOCK_MONOTONIC time in ns (from the kernel's event where it gives one).</param>
/// <param name="Sequence">The pin's edge sequence number (for <see cref="PinEventKind.Dropped"/>: the first one lost).</param>
public sealed record PinEvent(int Gpio, PinEventKind Kind, bool Level, long TimestampNanoseconds, ulong Sequence)
{
    /// <summary>For <see cref="PinEventKind.Dropped"/>: how many events were lost.</summary>
    public ulong Dropped { get; init; }

    /// <summary>For <see cref="PinEventKind.Watchdog"/>: how long the pin has been silent.</summary>
    public TimeSpan SilentFor { get; init; }

    /// <summary>True for a low-to-high edge.</summary>
    public bool IsRising => Kind == PinEventKind.Edge && Level;

    /// <summary>True for a high-to-low edge.</summary>
    public bool IsFalling => Kind == PinEventKind.Edge && !Level;

    /// <summary>Whether this is an edge of the kind <paramref name="edge"/> asks for.</summary>
    /// <param name="edge">The edge wanted.</param>
    /// <returns>True when it matches.</returns>
    public bool Matches(Edge edge) => Kind == PinEventKind.Edge && edge switch
    {
        Edge.Rising => Level,
        Edge.Falling => !Level,
        _ => true,
    };
}
