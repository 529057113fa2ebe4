using RemoteIo.TestKit;

namespace RemoteIo.Actors.Gpio.Tests.Timing;

/// <summary>
/// A virtual clock that can jump forward while a timer callback runs, as the real clock does under
/// a thread that is stalled (a slow driver write, a starved CPU). It reads a
/// <see cref="ManualTimeProvider"/> plus the jumps made so far; timers run on that manual clock, so
/// a timer armed before a jump fires that much late — exactly what a stall does to a timing thread.
/// </summary>
/// <remarks>
/// <see cref="ManualTimeProvider.Advance"/> refuses to be called from inside a timer callback, and
/// a callback that blocked waiting for another thread to advance the clock would hold the clock's
/// advance lock; a jump is how a deterministic test makes time pass inside a callback.
/// </remarks>
/// <param name="inner">The manual clock the timers run on and the tests advance.</param>
public sealed class JumpingClock(ManualTimeProvider inner) : TimeProvider
{
    /// <summary>Nanoseconds jumped so far (the manual clock counts nanoseconds).</summary>
    private long _jumpedNanoseconds;

    /// <summary>The manual clock underneath.</summary>
    public ManualTimeProvider Inner { get; } = inner;

    /// <summary>Nanoseconds since the manual clock started, jumps included (the value of <see cref="GetTimestamp"/>).</summary>
    public long ElapsedNanoseconds => Inner.ElapsedNanoseconds + Volatile.Read(ref _jumpedNanoseconds);

    /// <inheritdoc />
    public override long TimestampFrequency => Inner.TimestampFrequency;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => Inner.LocalTimeZone;

    /// <inheritdoc />
    public override long GetTimestamp() => ElapsedNanoseconds;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Inner.GetUtcNow() + TimeSpan.FromTicks(Volatile.Read(ref _jumpedNanoseconds) / 100);

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        Inner.CreateTimer(callback, state, dueTime, period);

    /// <summary>Moves this clock (not the manual one) forward at once; callable from a timer callback.</summary>
    /// <param name="by">How far; not negative.</param>
    public void Jump(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _jumpedNanoseconds, by.Ticks * 100);
    }

    /// <summary>Advances the manual clock until this clock reads <paramref name="elapsed"/> (jumps included).</summary>
    /// <param name="elapsed">The time to reach; not in the past.</param>
    public void AdvanceTo(TimeSpan elapsed) =>
        Inner.Advance(TimeSpan.FromTicks(((elapsed.Ticks * 100) - ElapsedNanoseconds) / 100));
}
