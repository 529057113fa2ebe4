namespace RemoteIo.Actors.Gpio.Timing;

/// <summary>
/// How much a timing thread may spin: a token bucket filled at <c>spin-budget</c> of one core
/// (nanoseconds of spinning per nanosecond of wall time) up to one second's worth. While it holds
/// a whole window the thread spins the full <c>spin-window</c> before an edge, so the edge is exact
/// even when the OS wakes sleeping threads late (a shared VM's timer can be hundreds of µs late,
/// far beyond the latency the thread has learned); once spent, it spins only as long as its
/// measured wake-up latency needs. Sparse edges (impulses, slow blinks) are so exact for a small,
/// bounded share of a core, and dense ones cannot turn the spinning into a busy core. Not
/// thread-safe: one per timing thread.
/// </summary>
internal sealed class SpinBudget
{
    /// <summary>The bucket holds this much wall time's worth of budget (1 s), so a burst after a quiet spell is exact throughout.</summary>
    private const double BucketNanoseconds = 1e9;

    /// <summary>Spinning earned per nanosecond of wall time.</summary>
    private readonly double _share;

    /// <summary>The full spin window in nanoseconds.</summary>
    private readonly long _window;

    /// <summary>The most the bucket holds.</summary>
    private readonly double _capacity;

    /// <summary>Spinning the thread may still do, in nanoseconds.</summary>
    private double _credit;

    /// <summary>When the bucket was last filled (<see cref="long.MinValue"/>: never).</summary>
    private long _filledAt = long.MinValue;

    /// <summary>Creates a full bucket.</summary>
    /// <param name="share">The share of one core to spend spinning, 0..1 (0: never the full window).</param>
    /// <param name="windowNanoseconds">The full spin window.</param>
    public SpinBudget(double share, long windowNanoseconds)
    {
        _share = share;
        _window = windowNanoseconds;
        _capacity = share > 0 ? Math.Max(windowNanoseconds, share * BucketNanoseconds) : 0;
        _credit = _capacity;
    }

    /// <summary>True when the thread can afford to spin the whole window before its next edge.</summary>
    /// <param name="now">The clock now, in nanoseconds.</param>
    /// <returns>Whether a full window is in the bucket.</returns>
    public bool AffordsFullWindow(long now)
    {
        if (_filledAt != long.MinValue && now > _filledAt)
        {
            _credit = Math.Min(_capacity, _credit + ((now - _filledAt) * _share));
        }

        _filledAt = now;
        return _window > 0 && _credit >= _window;
    }

    /// <summary>Takes spinning actually done out of the bucket (it may go below zero: it then refills first).</summary>
    /// <param name="nanoseconds">How long the thread spun.</param>
    public void Spend(long nanoseconds)
    {
        if (nanoseconds > 0)
        {
            _credit -= nanoseconds;
        }
    }
}
