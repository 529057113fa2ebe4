namespace RemoteIo.Actors.Kernel;

/// <summary>
/// Applies the decider's directive to the failed child only. Restarts beyond
/// <c>maxNrOfRetries</c> within <c>withinTimeRange</c> stop the child instead.
/// </summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates the strategy with a retry budget.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed in the window; negative: unlimited, 0: never restart (stop).</param>
    /// <param name="withinTimeRange">The window; <see cref="Timeout.InfiniteTimeSpan"/> counts restarts forever.</param>
    /// <param name="decider">Maps a failure to a directive.</param>
    /// <param name="loggingEnabled">Whether failures are logged.</param>
    public OneForOneStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, decider, loggingEnabled)
    {
    }

    /// <summary>Creates the strategy with unlimited restarts.</summary>
    /// <param name="decider">Maps a failure to a directive.</param>
    public OneForOneStrategy(Func<Exception, Directive> decider)
        : this(-1, Timeout.InfiniteTimeSpan, decider)
    {
    }

    /// <inheritdoc />
    private protected override void ProcessFailure(ActorCell cell, bool restart, ChildRestartStats failed, Exception cause, IReadOnlyList<ChildRestartStats> children)
    {
        if (restart && MayRestart(failed, cell.System.TimeProvider))
        {
            ActorCell.RestartChild(failed.Child, cause, suspendFirst: false);
        }
        else
        {
            cell.Stop(failed.Child);
        }
    }
}
