namespace RemoteIo.Actors.Gpio.Timing;

/// <summary>
/// How late a timing thread's sleeps wake up, and so how long it must spin before an edge: a late
/// wake raises the estimate at once, punctual wakes lower it by 1/64 each, and every processed
/// edge lowers it by 1/256 (a thread whose edges all fall inside its spin window never sleeps, so it
/// would otherwise never measure again). The spin window is the estimate × 1.5 + 10 µs, within
/// 5 µs .. the configured maximum. Not thread-safe: one per timing thread.
/// </summary>
/// <param name="maxSpinNanoseconds">The configured spin window: the estimate starts there and the window never exceeds it.</param>
internal sealed class WakeLatencyEstimator(long maxSpinNanoseconds)
{
    /// <summary>The margin added to the scaled estimate.</summary>
    private const long MarginNanoseconds = 10_000;

    /// <summary>The shortest window (a spin this short costs nothing and absorbs clock-read jitter).</summary>
    private const long MinSpinNanoseconds = 5_000;

    /// <summary>The configured maximum.</summary>
    private readonly long _max = maxSpinNanoseconds;

    /// <summary>The current estimate of the wake-up latency in nanoseconds.</summary>
    public long LatencyNanoseconds { get; private set; } = maxSpinNanoseconds;

    /// <summary>How long to spin before the next edge.</summary>
    public long SpinNanoseconds => Math.Clamp((LatencyNanoseconds * 3 / 2) + MarginNanoseconds, Math.Min(MinSpinNanoseconds, _max), _max);

    /// <summary>Folds in one sleep's overshoot (actual wake minus requested wake).</summary>
    /// <param name="overshoot">Negative when a signal woke the thread early: not a measurement, ignored.</param>
    public void Learn(long overshoot)
    {
        if (overshoot < 0)
        {
            return;
        }

        LatencyNanoseconds = overshoot > LatencyNanoseconds
            ? overshoot
            : LatencyNanoseconds - ((LatencyNanoseconds - overshoot) / 64);
    }

    /// <summary>An edge was processed: let the estimate sink a little without a measurement.</summary>
    public void Decay() => LatencyNanoseconds -= LatencyNanoseconds / 256;
}
