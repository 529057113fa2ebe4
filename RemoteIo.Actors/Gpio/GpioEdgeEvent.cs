namespace RemoteIo.Actors.Gpio;

/// <summary>
/// One edge on an input line, as the kernel's <c>gpio_v2_line_event</c> reports it. A plain value
/// (no allocation per event); the sequence numbers make lost events visible as gaps.
/// </summary>
/// <remarks>
/// Each line's own events arrive in order: timestamps never decrease and
/// <see cref="LineSequence"/> counts up by one unless events were lost. Events of different lines
/// need not arrive in timestamp order: the kernel detects edges of each line in that line's own
/// interrupt thread and queues them per request, so an edge on one line can be reported after a
/// later edge on another. To order events across lines, sort by <see cref="TimestampNanoseconds"/>
/// (one clock for all lines of a chip); <see cref="Sequence"/> is the order of delivery, not of
/// occurrence.
/// </remarks>
/// <param name="Line">The line offset on the chip.</param>
/// <param name="Kind">Exactly <see cref="PinEventTypes.Rising"/> or <see cref="PinEventTypes.Falling"/>, in logical terms (after active-low).</param>
/// <param name="TimestampNanoseconds">When the edge happened, CLOCK_MONOTONIC nanoseconds (the driver's clock for the simulation).</param>
/// <param name="Sequence">Position of the event among all events of the driver that delivered it, from 1.</param>
/// <param name="LineSequence">Position of the event among this line's events since it was requested, from 1 (continuing when the line is requested anew because a line opened with it was closed).</param>
public readonly record struct GpioEdgeEvent(int Line, PinEventTypes Kind, long TimestampNanoseconds, long Sequence, long LineSequence);
