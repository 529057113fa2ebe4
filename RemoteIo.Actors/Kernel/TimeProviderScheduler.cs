using System.Collections.Concurrent;
using RemoteIo.Actors.Kernel.Event;

namespace RemoteIo.Actors.Kernel;

/// <summary>
/// The actor system's <see cref="IScheduler"/>: each scheduled operation is a
/// <see cref="KernelTimer"/> on the system's clock; live ones are tracked so termination cancels
/// them.
/// </summary>
/// <param name="time">The system clock.</param>
/// <param name="log">Where failing scheduled actions are reported.</param>
internal sealed class TimeProviderScheduler(TimeProvider time, ILoggingAdapter log) : IScheduler
{
    /// <summary>Operations not yet finished or cancelled.</summary>
    private readonly ConcurrentDictionary<KernelTimer, byte> _live = new();

    /// <summary>Set at termination: nothing new is scheduled.</summary>
    private volatile bool _shutDown;

    /// <inheritdoc />
    public TimeProvider TimeProvider => time;

    /// <inheritdoc />
    public DateTimeOffset Now => time.GetUtcNow();

    /// <inheritdoc />
    public ICancelable ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef? sender) =>
        Schedule(new Operation(this, delay, Timeout.InfiniteTimeSpan, () => receiver.Tell(message, sender)), receiver, message);

    /// <inheritdoc />
    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef? sender) =>
        Schedule(new Operation(this, initialDelay, ValidInterval(interval), () => receiver.Tell(message, sender)), receiver, message);

    /// <inheritdoc />
    public ICancelable ScheduleOnce(TimeSpan delay, Action action) =>
        Schedule(new Operation(this, delay, Timeout.InfiniteTimeSpan, action), action, action);

    /// <inheritdoc />
    public ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action) =>
        Schedule(new Operation(this, initialDelay, ValidInterval(interval), action), action, action);

    /// <summary>Cancels everything still scheduled (actor system termination).</summary>
    public void Shutdown()
    {
        _shutDown = true;
        foreach (var operation in _live.Keys)
        {
            operation.Cancel();
        }
    }

    /// <summary>Rejects a non-positive period with a clear message.</summary>
    private static TimeSpan ValidInterval(TimeSpan interval) =>
        interval > TimeSpan.Zero ? interval : throw new ArgumentOutOfRangeException(nameof(interval), interval, "A repeated schedule needs a positive interval.");

    /// <summary>Registers and starts an operation (or cancels it at once after termination).</summary>
    private KernelTimer Schedule(Operation operation, object target, object payload)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(payload);
        _live.TryAdd(operation, 0);
        if (_shutDown)
        {
            operation.Cancel();
            return operation;
        }

        return operation.Start();
    }

    /// <summary>One scheduled send or action.</summary>
    private sealed class Operation(TimeProviderScheduler owner, TimeSpan initialDelay, TimeSpan interval, Action tick)
        : KernelTimer(owner.TimeProvider, initialDelay, interval)
    {
        /// <inheritdoc />
        protected override void OnTick()
        {
            try
            {
                tick();
            }
            catch (Exception e)
            {
                owner.LogFailure(e);
            }
        }

        /// <inheritdoc />
        protected override void OnCancelled() => owner._live.TryRemove(this, out _);
    }

    /// <summary>Reports a scheduled action that threw.</summary>
    private void LogFailure(Exception e) => log.Error(e, "A scheduled action failed: {0}", e.Message);
}
