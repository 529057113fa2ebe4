namespace RemoteIo.Actors.Kernel;

/// <summary>
/// Schedules messages and actions on the actor system's <see cref="System.TimeProvider"/> (virtual
/// time in tests). Repeated operations run at a fixed rate without drift; ticks missed by more
/// than one interval (a stalled process) are skipped, not replayed. Everything scheduled is
/// cancelled when the actor system terminates. Inside actors prefer <see cref="IWithTimers"/>,
/// whose timers are cancelled with the actor and never deliver stale ticks.
/// </summary>
public interface IScheduler
{
    /// <summary>The clock everything is scheduled on.</summary>
    TimeProvider TimeProvider { get; }

    /// <summary>The current time on <see cref="TimeProvider"/>.</summary>
    DateTimeOffset Now { get; }

    /// <summary>Tells <paramref name="message"/> to <paramref name="receiver"/> once after <paramref name="delay"/>.</summary>
    /// <param name="delay">Time until it is sent (zero or more).</param>
    /// <param name="receiver">The recipient.</param>
    /// <param name="message">The message.</param>
    /// <param name="sender">The sender the recipient sees.</param>
    /// <returns>Cancels the send.</returns>
    ICancelable ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender);

    /// <summary>Tells <paramref name="message"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    /// <param name="initialDelay">Time until the first send (zero or more).</param>
    /// <param name="interval">The period (positive).</param>
    /// <param name="receiver">The recipient.</param>
    /// <param name="message">The message.</param>
    /// <param name="sender">The sender the recipient sees.</param>
    /// <returns>Cancels the sends.</returns>
    ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender);

    /// <summary>Runs <paramref name="action"/> once after <paramref name="delay"/> on a timer thread (keep it short; exceptions are logged).</summary>
    /// <param name="delay">Time until it runs (zero or more).</param>
    /// <param name="action">What to run.</param>
    /// <returns>Cancels the run.</returns>
    ICancelable ScheduleOnce(TimeSpan delay, Action action);

    /// <summary>Runs <paramref name="action"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    /// <param name="initialDelay">Time until the first run (zero or more).</param>
    /// <param name="interval">The period (positive).</param>
    /// <param name="action">What to run.</param>
    /// <returns>Cancels the runs.</returns>
    ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action);
}
