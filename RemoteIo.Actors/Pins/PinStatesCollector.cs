using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Pins;

/// <summary>
/// Answers one GetPinStates: asks every pin actor for its live state (level, queue, running
/// command, observers), merges it with what the supervisor knows (owner, mode, role, draining),
/// and replies with the pins that are claimed or observed — after all answered or the timeout
/// (pins that did not answer in time are listed with what the supervisor knew).
/// </summary>
internal sealed class PinStatesCollector : ReceiveActor, IWithTimers
{
    /// <summary>Who asked.</summary>
    private readonly IActorRef _replyTo;

    /// <summary>The reply being filled.</summary>
    private readonly PinStates _reply;

    /// <summary>Per GPIO, the state so far.</summary>
    private readonly Dictionary<int, PinState> _states = [];

    /// <summary>Per GPIO, the observers its actor reported.</summary>
    private readonly Dictionary<int, int> _observers = [];

    /// <summary>Pins that have not answered yet.</summary>
    private readonly HashSet<int> _pending = [];

    /// <summary>The pin actors to ask.</summary>
    private readonly List<IActorRef> _actors = [];

    /// <summary>How long to wait.</summary>
    private readonly TimeSpan _timeout;

    /// <summary>Creates the collector.</summary>
    /// <param name="replyTo">Who asked.</param>
    /// <param name="reply">The reply with its request id, driver and default mode set.</param>
    /// <param name="pins">Each pin's state as the supervisor knows it, and its actor.</param>
    /// <param name="timeout">How long to wait for the pins.</param>
    public PinStatesCollector(IActorRef replyTo, PinStates reply, IReadOnlyList<(PinState Template, IActorRef Actor)> pins, TimeSpan timeout)
    {
        _replyTo = replyTo;
        _reply = reply;
        _timeout = timeout;
        foreach (var (template, actor) in pins)
        {
            _states[(int)template.Gpio] = template;
            _pending.Add((int)template.Gpio);
            _actors.Add(actor);
        }

        Receive<PinStateReport>(OnReport);
        Receive<CollectTimeout>(_ => Complete());
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for a collector.</summary>
    /// <param name="replyTo">Who asked.</param>
    /// <param name="reply">The reply to fill.</param>
    /// <param name="pins">The pins.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>The props.</returns>
    public static Props Props(IActorRef replyTo, PinStates reply, IReadOnlyList<(PinState Template, IActorRef Actor)> pins, TimeSpan timeout) =>
        Kernel.Props.Create(() => new PinStatesCollector(replyTo, reply, pins, timeout));

    /// <inheritdoc />
    protected override void PreStart()
    {
        foreach (var actor in _actors)
        {
            actor.Tell(new QueryPinState(), Self);
        }

        Timers.StartSingleTimer(CollectTimeout.Instance, CollectTimeout.Instance, _timeout);
        if (_pending.Count == 0)
        {
            Complete();
        }
    }

    /// <summary>A pin answered.</summary>
    private void OnReport(PinStateReport report)
    {
        if (!_states.TryGetValue(report.Gpio, out var state))
        {
            return;
        }

        state.Level = report.Level;
        state.QueueDepth = (uint)report.QueueDepth;
        state.Running = report.Running;
        state.Observers = (uint)report.Observers;
        state.HardwarePwm = report.HardwarePwm;
        _observers[report.Gpio] = report.Observers;
        _pending.Remove(report.Gpio);
        if (_pending.Count == 0)
        {
            Complete();
        }
    }

    /// <summary>Replies with the claimed or observed pins, in GPIO order, and stops.</summary>
    private void Complete()
    {
        foreach (var (gpio, state) in _states.OrderBy(s => s.Key))
        {
            if (state.Owner.Length > 0 || _observers.GetValueOrDefault(gpio) > 0)
            {
                _reply.Pins.Add(state);
            }
        }

        _replyTo.Tell(_reply, Context.Parent);
        Context.Stop(Self);
    }

    /// <summary>The collector's deadline passed.</summary>
    private sealed record CollectTimeout
    {
        /// <summary>The only instance.</summary>
        public static readonly CollectTimeout Instance = new();
    }
}
