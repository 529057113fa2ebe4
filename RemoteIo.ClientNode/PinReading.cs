namespace RemoteIo.ClientNode;

/// <summary>A pin's level as the host read it.</summary>
/// <param name="Gpio">The GPIO number.</param>
/// <param name="Level">True for high.</param>
/// <param name="TimestampNanoseconds">When it was read, on the host's CLOCK_MONOTONIC, in ns.</param>
/// <param name="Sequence">The pin's edge sequence number at the time of the read.</param>
public sealed record PinReading(int Gpio, bool Level, long TimestampNanoseconds, ulong Sequence);
