namespace RemoteIo.Actors.Gpio.Linux;

/// <summary>A watched line was requested, released or reconfigured — by any process on the machine.</summary>
/// <param name="info">The line's info after the change.</param>
/// <param name="kind">What happened.</param>
/// <param name="timestampNanoseconds">When, CLOCK_MONOTONIC nanoseconds.</param>
public sealed class LineInfoChangedEventArgs(LineInfo info, LineInfoChangeKind kind, long timestampNanoseconds) : EventArgs
{
    /// <summary>The line's info after the change.</summary>
    public LineInfo Info { get; } = info;

    /// <summary>What happened.</summary>
    public LineInfoChangeKind Kind { get; } = kind;

    /// <summary>When, CLOCK_MONOTONIC nanoseconds.</summary>
    public long TimestampNanoseconds { get; } = timestampNanoseconds;
}
