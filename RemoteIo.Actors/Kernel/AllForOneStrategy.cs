namespace RemoteIo.Actors.Kernel;

/// <summary>
/// Applies the decider's directive for one child's failure to all children: for siblings that
/// only make sense together. A restart needs every child's retry budget; otherwise all stop.
/// </summary>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates the strategy with a retry budget.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed in the window; negative: unlimited, 0: never restart (stop).</param>
    /// <param name="withinTimeRange">The window; <see cref="Timeout.InfiniteTimeSpan"/> counts restarts forever.</param>
    /// <param name="decider">Maps a failure to a directive.</param>
    /// <param name="loggingEnabled">Whether failures are logged.</param>
    public AllForOneStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, decider, loggingEnabled)
    {
    }

    /// <summary>Creates the strategy with unlimited restarts.</summary>
    /// <param name="decider">Maps a failure to a directive.</param>
    public AllForOneStrategy(Func<Exception, Directive> decider)
        : this(-1, Timeout.InfiniteTimeSpan, decider)
    {
    }

    /// <inheritdoc />
    private protected override void ProcessFailure(ActorCell cell, bool restart, ChildRestartStats failed, Exception cause, IReadOnlyList<ChildRestartStats> children)
    {
        var time = cell.System.TimeProvider;
        var mayRestart = restart;
        foreach (var stats in children)
        {
            mayRestart &= MayRestart(stats, time);
        }

        foreach (var stats in children)
        {
            if (mayRestart)
            {
                // Siblings were not failed (nor suspended): suspend them so the restart's resume balances.
                ActorCell.RestartChild(stats.Child, cause, suspendFirst: !stats.Child.Equals(failed.Child));
            }
            else
            {
                cell.Stop(stats.Child);
            }
        }
    }
}
