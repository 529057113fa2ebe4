namespace RemoteIo.Actors.Gpio.Timing;

/// <summary>
/// A portable <see cref="ThreadWaiter"/> for systems without eventfd: millisecond timeouts, rounded
/// down so the thread wakes early and spins the rest (costlier, never late).
/// </summary>
internal sealed class SemaphoreWaiter : ThreadWaiter
{
    /// <summary>The semaphore; its count (0 or 1) is the pending signal.</summary>
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    /// <inheritdoc />
    public override void Wait(long timeoutNanoseconds)
    {
        var milliseconds = timeoutNanoseconds < 0 ? Timeout.Infinite : (int)Math.Min(int.MaxValue, timeoutNanoseconds / 1_000_000);
        _semaphore.Wait(milliseconds);
    }

    /// <inheritdoc />
    public override void Signal()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // A signal is already pending: one is enough.
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _semaphore.Dispose();
        }
    }
}
