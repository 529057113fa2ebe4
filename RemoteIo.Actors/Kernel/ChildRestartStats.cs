namespace RemoteIo.Actors.Kernel;

/// <summary>A parent's bookkeeping for one child: whether it is being stopped, and its restart budget.</summary>
/// <param name="child">The child.</param>
internal sealed class ChildRestartStats(LocalActorRef child)
{
    /// <summary>Restarts counted in the current window.</summary>
    private int _retries;

    /// <summary>Clock timestamp at which the current window started.</summary>
    private long _windowStart;

    /// <summary>False until the first restart opens a window.</summary>
    private bool _windowOpen;

    /// <summary>The child.</summary>
    public LocalActorRef Child { get; } = child;

    /// <summary>True once the parent asked the child to stop (its name stays taken until it has).</summary>
    public bool Stopping { get; set; }

    /// <summary>Counts a restart against the budget (Akka's rules) and says whether it is allowed.</summary>
    /// <param name="maxNrOfRetries">Negative: unlimited; 0: never.</param>
    /// <param name="window">The window, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="time">The system clock.</param>
    /// <returns>True when the child may restart; false means stop it.</returns>
    public bool RequestRestartPermission(int maxNrOfRetries, TimeSpan window, TimeProvider time)
    {
        if (maxNrOfRetries == 0)
        {
            return false;
        }

        if (window == Timeout.InfiniteTimeSpan)
        {
            return maxNrOfRetries < 0 || ++_retries <= maxNrOfRetries;
        }

        var allowed = maxNrOfRetries < 0 ? 1 : maxNrOfRetries;
        var now = time.GetTimestamp();
        if (!_windowOpen || time.GetElapsedTime(_windowStart, now) > window)
        {
            _windowOpen = true;
            _windowStart = now;
            _retries = 1;
            return true;
        }

        return ++_retries <= allowed;
    }
}
