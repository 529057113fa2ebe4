namespace RemoteIo.Actors.Pins;

/// <summary>One raw edge of a pin as its inbox keeps it (a value: buffering allocates nothing).</summary>
/// <param name="Sequence">The pin's edge sequence number, from 1.</param>
/// <param name="Level">The new logical level.</param>
/// <param name="TimestampNanoseconds">When it happened (the driver's stamp: the kernel's where it gives one).</param>
internal readonly record struct EdgeRecord(long Sequence, bool Level, long TimestampNanoseconds);
