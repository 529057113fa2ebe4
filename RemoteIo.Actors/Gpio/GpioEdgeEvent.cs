namespace RemoteIo.Actors.Gpio;

/// <summary>
/// One edge on an input line, as the kernel's <c>gpio_v2_line_event</c> reports it. A plain value
/// (no allocation per event); the sequence numbers make lost events visible as gaps.
/// </summary>
/// <param name="Line">The line offset on the chip.</param>
/// <param name="Kind">Exactly <see cref="PinEventTypes.Rising"/> or <see cref="PinEventTypes.Falling"/>, in logical terms (after active-low).</param>
/// <param name="TimestampNanoseconds">When the edge happened, CLOCK_MONOTONIC nanoseconds (the driver's clock for the simulation).</param>
/// <param name="Sequence">Position of the event among all events of the driver that delivered it, from 1.</param>
/// <param name="LineSequence">Position of the event among this line's events since it was requested, from 1.</param>
public readonly record struct GpioEdgeEvent(int Line, PinEventTypes Kind, long TimestampNanoseconds, long Sequence, long LineSequence);
