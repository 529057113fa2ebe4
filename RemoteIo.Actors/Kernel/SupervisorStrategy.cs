using RemoteIo.Actors.Kernel.Event;

namespace RemoteIo.Actors.Kernel;

/// <summary>
/// How an actor handles its children's failures: a decider maps the exception to a
/// <see cref="Directive"/>, and restarts are limited by a retry budget (beyond it the child is
/// stopped). <see cref="OneForOneStrategy"/> applies the directive to the failed child only,
/// <see cref="AllForOneStrategy"/> to all children.
/// </summary>
public abstract class SupervisorStrategy
{
    /// <summary>Only the kernel's strategies exist.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed within <paramref name="withinTimeRange"/>; negative means unlimited, 0 means never restart.</param>
    /// <param name="withinTimeRange">The window the restarts are counted in; <see cref="Timeout.InfiniteTimeSpan"/> counts forever.</param>
    /// <param name="decider">Maps a failure to a directive.</param>
    /// <param name="loggingEnabled">Whether failures are logged (Restart/Stop as errors, Resume as a warning).</param>
    private protected SupervisorStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled)
    {
        ArgumentNullException.ThrowIfNull(decider);
        if (withinTimeRange != Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(withinTimeRange, TimeSpan.Zero);
        }

        MaxNrOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
        Decider = decider;
        LoggingEnabled = loggingEnabled;
    }

    /// <summary>
    /// Akka's default decider: <see cref="ActorInitializationException"/>,
    /// <see cref="ActorKilledException"/> and <see cref="DeathPactException"/> stop the child; any
    /// other exception restarts it.
    /// </summary>
    public static Func<Exception, Directive> DefaultDecider { get; } = static e => e switch
    {
        ActorInitializationException or ActorKilledException or DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>One-for-one with <see cref="DefaultDecider"/> and unlimited restarts (used when an actor names none).</summary>
    public static SupervisorStrategy DefaultStrategy { get; } = new OneForOneStrategy(DefaultDecider);

    /// <summary>One-for-one that stops every failing child.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new OneForOneStrategy(static _ => Directive.Stop);

    /// <summary>Restarts allowed within <see cref="WithinTimeRange"/> (negative: unlimited, 0: none).</summary>
    public int MaxNrOfRetries { get; }

    /// <summary>The window restarts are counted in (<see cref="Timeout.InfiniteTimeSpan"/>: no window).</summary>
    public TimeSpan WithinTimeRange { get; }

    /// <summary>Maps a failure to a directive.</summary>
    public Func<Exception, Directive> Decider { get; }

    /// <summary>Whether failures are logged.</summary>
    public bool LoggingEnabled { get; }

    /// <summary>Applies the decider; a decider that throws escalates.</summary>
    /// <param name="cause">The failure.</param>
    /// <returns>The directive.</returns>
    public Directive Decide(Exception cause)
    {
        try
        {
            return Decider(cause);
        }
        catch (Exception)
        {
            return Directive.Escalate;
        }
    }

    /// <summary>Handles a child's failure in the supervisor's cell.</summary>
    /// <returns>False for <see cref="Directive.Escalate"/>: the supervisor must fail itself.</returns>
    internal bool HandleFailure(ActorCell cell, ChildRestartStats failed, Exception cause, IReadOnlyList<ChildRestartStats> children)
    {
        var directive = Decide(cause);
        if (LoggingEnabled && directive != Directive.Escalate)
        {
            LogFailure(cell, failed.Child, cause, directive);
        }

        switch (directive)
        {
            case Directive.Resume:
                ActorCell.ResumeChild(failed.Child, cause);
                return true;
            case Directive.Restart:
                ProcessFailure(cell, restart: true, failed, cause, children);
                return true;
            case Directive.Stop:
                ProcessFailure(cell, restart: false, failed, cause, children);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Restarts (within budget) or stops the child or children concerned.</summary>
    private protected abstract void ProcessFailure(ActorCell cell, bool restart, ChildRestartStats failed, Exception cause, IReadOnlyList<ChildRestartStats> children);

    /// <summary>Asks a child's stats for a restart within this strategy's budget.</summary>
    private protected bool MayRestart(ChildRestartStats stats, TimeProvider time) => stats.RequestRestartPermission(MaxNrOfRetries, WithinTimeRange, time);

    /// <summary>Publishes the failure with the child's path as source.</summary>
    private static void LogFailure(ActorCell cell, LocalActorRef child, Exception cause, Directive directive)
    {
        var log = cell.System.CreateLogger(child.Path.ToString(), typeof(SupervisorStrategy));
        var level = directive == Directive.Resume ? LogLevel.Warning : LogLevel.Error;
        log.Log(level, cause, "{0}: {1} ({2})", cause.GetType().Name, cause.Message, directive);
    }
}
