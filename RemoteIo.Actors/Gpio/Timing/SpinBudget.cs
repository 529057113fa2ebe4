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

    /// <summary>Edges closer than this many windows apart are dense: they get the whole window only as part of a group (see <see cref="GroupFraction"/>).</summary>
    public const long DenseGapWindows = 2;

    /// <summary>Edges within a window divided by this of the previous one belong to its group and keep the whole window.</summary>
    public const long GroupFraction = 2;

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

    /// <summary>
    /// True when the thread should spin the whole window before its next edge: a whole window is in
    /// the bucket, and the edge is either sparse (at least <see cref="DenseGapWindows"/> windows after
    /// the previous one, so spinning takes at most half the gap) or part of the same group (within
    /// 1/<see cref="GroupFraction"/> of a window of it, e.g. impulses started together ending
    /// together: the thread keeps spinning rather than sleep a few µs and wake late). Edges in
    /// between (a fast blink, PWM) get only the learned spin even with budget left: spinning window
    /// after window would hold a core for the whole burst, and the threads the edges wake (the pin
    /// actor, the links to clients) waited behind it on that core for up to a millisecond.
    /// </summary>
    /// <param name="now">The clock now, in nanoseconds.</param>
    /// <param name="gapNanoseconds">Time from the thread's previous edge to the next one (<see cref="long.MaxValue"/> after a quiet spell).</param>
    /// <returns>Whether to spin the whole window.</returns>
    public bool AffordsFullWindow(long now, long gapNanoseconds)
    {
        if (_filledAt != long.MinValue && now > _filledAt)
        {
            _credit = Math.Min(_capacity, _credit + ((now - _filledAt) * _share));
        }

        _filledAt = now;
        return _window > 0 && _credit >= _window
            && (gapNanoseconds / DenseGapWindows >= _window || gapNanoseconds <= _window / GroupFraction);
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
