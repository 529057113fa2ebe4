using System.Threading.Tasks.Sources;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Kernel.Dispatch;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Compat.Backends;

/// <summary>
/// The actor reference one compatibility connection is known by to the pin domain, in the manner of
/// Akka's <c>FunctionRef</c>: the <c>PinSupervisor</c> keys the connection's session on it (a local
/// sender is its own session), and whatever the pins send it is handled at once on the sending
/// actor's thread — no mailbox, no thread hop, nothing allocated per reply. A connection has one
/// request outstanding at a time (pigpio and remoteio answer requests strictly in order), so a single
/// reusable awaiter serves every request. Messages that answer no request (edges, notices, late
/// outcomes of earlier commands) go to the optional <see cref="IPinsListener"/>.
/// </summary>
/// <remarks>
/// The reference takes part in death watch like an actor: the session the supervisor opens for it
/// watches it, and <see cref="Stop"/> tells the watchers it terminated, so even a connection that
/// could not send its CloseSession gets its pins soft-closed.
/// </remarks>
internal sealed class PinsClient : ActorRefBase, IValueTaskSource<object>
{
    /// <summary>Unique uids for the references' paths, so two connections are never the same session.</summary>
    private static long s_uids;

    /// <summary>Guards the awaiter's state, the deadline and the watchers.</summary>
    private readonly Lock _gate = new();

    /// <summary>The actor system the reference belongs to.</summary>
    private readonly ActorSystem _system;

    /// <summary>The reference's path (<c>/compat/&lt;protocol&gt;-&lt;uid&gt;</c>; not resolvable: replies reach the object itself).</summary>
    private readonly ActorPath _path;

    /// <summary>The pin domain's supervisor, which every request goes to.</summary>
    private readonly IActorRef _supervisor;

    /// <summary>How long a request may wait for its answer before it fails.</summary>
    private readonly TimeSpan _timeout;

    /// <summary>Receives what answers no request.</summary>
    private readonly IPinsListener? _listener;

    /// <summary>Fires when the outstanding request may be overdue (re-armed only when idle, not per request).</summary>
    private readonly ITimer _timer;

    /// <summary>The awaiter every request reuses; continuations run on the thread pool, never on a pin actor's thread.</summary>
    private ManualResetValueTaskSourceCore<object> _reply = new() { RunContinuationsAsynchronously = true };

    /// <summary>The id the outstanding request waits for; 0 when none.</summary>
    private ulong _awaited;

    /// <summary>True when the outstanding request waits for a command's final outcome, not its ACCEPTED.</summary>
    private bool _untilFinal;

    /// <summary>When the outstanding request times out (a timestamp of the system's clock).</summary>
    private long _deadline;

    /// <summary>True while the timer is armed.</summary>
    private bool _armed;

    /// <summary>Watchers of the reference (the session the supervisor opened for it); null once stopped.</summary>
    private List<IInternalActorRef>? _watchers = [];

    /// <summary>Source of request and command ids.</summary>
    private long _nextId;

    /// <summary>Creates a reference for one connection.</summary>
    /// <param name="system">The host's actor system.</param>
    /// <param name="supervisor">The pin domain's supervisor.</param>
    /// <param name="protocol">The protocol's name; the path element is <c>&lt;protocol&gt;-&lt;uid&gt;</c>.</param>
    /// <param name="timeout">How long a request may wait for its answer.</param>
    /// <param name="listener">Receives what answers no request; null to drop it.</param>
    public PinsClient(ActorSystem system, IActorRef supervisor, string protocol, TimeSpan timeout, IPinsListener? listener = null)
    {
        _system = system;
        _supervisor = supervisor;
        _timeout = timeout;
        _listener = listener;
        var uid = Interlocked.Increment(ref s_uids);
        _path = (ActorPath.RootOf(system.Address) / "compat" / $"{protocol}-{uid}").WithUid(uid);
        _timer = system.TimeProvider.CreateTimer(static state => ((PinsClient)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <inheritdoc />
    public override ActorPath Path => _path;

    /// <inheritdoc />
    public override ActorSystem System => _system;

    /// <summary>A fresh request or command id (never 0).</summary>
    public ulong NextId() => (ulong)Interlocked.Increment(ref _nextId);

    /// <summary>Sends <paramref name="message"/> to the supervisor as this connection, expecting no answer.</summary>
    /// <param name="message">A pins.proto request.</param>
    /// <remarks>
    /// A plain tell, unlike <see cref="RequestAsync"/>: callers send these while holding their own
    /// locks (a level watch under the notifier's), and the pins' answers to this reference are
    /// handled on the sending actor's thread, which must therefore not be the caller's.
    /// </remarks>
    public void Send(object message) => _supervisor.Tell(message, this);

    /// <summary>
    /// Sends <paramref name="message"/> to the supervisor as this connection and waits for the answer
    /// carrying <paramref name="id"/>: the first outcome of a command (ACCEPTED or REJECTED), or, with
    /// <paramref name="untilFinal"/>, its final one; the reply of any other request.
    /// </summary>
    /// <param name="message">The request.</param>
    /// <param name="id">Its request or command id, from <see cref="NextId"/>.</param>
    /// <param name="untilFinal">Wait past ACCEPTED for the command's end.</param>
    /// <returns>The answer (CommandOutcome, PinClaimed, RequestRejected, PinLevel, ...).</returns>
    /// <exception cref="ObjectDisposedException">The reference was stopped.</exception>
    /// <exception cref="InvalidOperationException">Another request is still outstanding.</exception>
    public ValueTask<object> RequestAsync(object message, ulong id, bool untilFinal = false)
    {
        short version;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_watchers is null, this);
            if (_awaited != 0)
            {
                throw new InvalidOperationException($"{_path.Name}: a request is still waiting for its answer");
            }

            _reply.Reset();
            version = _reply.Version;
            _awaited = id;
            _untilFinal = untilFinal;
            _deadline = _system.TimeProvider.GetTimestamp() + (long)(_timeout.TotalSeconds * _system.TimeProvider.TimestampFrequency);
            if (!_armed)
            {
                _armed = true;
                _timer.Change(_timeout, Timeout.InfiniteTimeSpan);
            }
        }

        TellSupervisor(message);
        return new ValueTask<object>(this, version);
    }

    /// <summary>
    /// Tells the supervisor as this connection, offering this thread (the connection's, awake anyway)
    /// to run the supervisor's and the pin's turns if their dispatcher sleeps: waking it costs more
    /// than the turns (<see cref="CallerRuns"/>). Only for requests the caller awaits: it holds no
    /// lock then (an await cannot sit inside one), so the answers handled on this thread meet none.
    /// </summary>
    private void TellSupervisor(object message)
    {
        CallerRuns.Begin();
        try
        {
            _supervisor.Tell(message, this);
        }
        finally
        {
            CallerRuns.End();
        }
    }

    /// <summary>Stops the reference: an outstanding request fails, watchers are told it terminated, later messages are dropped.</summary>
    public void Stop()
    {
        List<IInternalActorRef>? watchers;
        lock (_gate)
        {
            watchers = _watchers;
            _watchers = null;
            if (_awaited != 0)
            {
                _awaited = 0;
                _reply.SetException(new ObjectDisposedException(_path.Name, "the connection ended before the pins answered"));
            }
        }

        _timer.Dispose();
        foreach (var watcher in watchers ?? [])
        {
            TellTerminated(watcher);
        }
    }

    /// <inheritdoc />
    public override void Tell(object message, IActorRef? sender)
    {
        var consumed = message switch
        {
            CommandOutcome outcome => Complete(outcome.CommandId, outcome, isFinal: outcome.Kind != OutcomeKind.Accepted),
            PinClaimed claimed => Complete(claimed.RequestId, claimed, isFinal: true),
            RequestRejected rejected => Complete(rejected.RequestId, rejected, isFinal: true),
            PinLevel level => Complete(level.RequestId, level, isFinal: true),
            SessionClosed closed => Complete(closed.RequestId, closed, isFinal: true),
            _ => false,
        };
        if (!consumed && message is not null)
        {
            _listener?.OnMessage(message);
        }
    }

    /// <inheritdoc />
    /// <remarks>Death watch: a watcher is told when <see cref="Stop"/> runs, or at once if it already has.</remarks>
    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is Unwatch unwatch)
        {
            lock (_gate)
            {
                _watchers?.Remove(unwatch.Watcher);
            }
        }
        else if (message is Watch watch && !watch.Watcher.Equals(this) && !TryAddWatcher(watch.Watcher))
        {
            TellTerminated(watch.Watcher);
        }
    }

    /// <inheritdoc />
    object IValueTaskSource<object>.GetResult(short token) => _reply.GetResult(token);

    /// <inheritdoc />
    ValueTaskSourceStatus IValueTaskSource<object>.GetStatus(short token) => _reply.GetStatus(token);

    /// <inheritdoc />
    void IValueTaskSource<object>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _reply.OnCompleted(continuation, state, token, flags);

    /// <summary>Adds a watcher unless the reference has stopped.</summary>
    /// <returns>False when stopped (the watcher must be told at once).</returns>
    private bool TryAddWatcher(IInternalActorRef watcher)
    {
        lock (_gate)
        {
            _watchers?.Add(watcher);
            return _watchers is not null;
        }
    }

    /// <summary>Tells a watcher this reference terminated.</summary>
    private void TellTerminated(IInternalActorRef watcher) =>
        watcher.SendSystemMessage(new DeathWatchNotification(this, ExistenceConfirmed: true, AddressTerminated: false));

    /// <summary>Completes the outstanding request if <paramref name="reply"/> is its answer.</summary>
    /// <returns>True when it was.</returns>
    private bool Complete(ulong id, object reply, bool isFinal)
    {
        lock (_gate)
        {
            if (id == 0 || id != _awaited || (_untilFinal && !isFinal))
            {
                return false;
            }

            _awaited = 0;
            _reply.SetResult(reply);
            return true;
        }
    }

    /// <summary>The timer: fails the outstanding request once its deadline passed, or re-arms for the rest of it.</summary>
    private void OnTimer()
    {
        lock (_gate)
        {
            if (_awaited == 0 || _watchers is null)
            {
                _armed = false;
                return;
            }

            var left = _deadline - _system.TimeProvider.GetTimestamp();
            if (left > 0)
            {
                _timer.Change(TimeSpan.FromSeconds((double)left / _system.TimeProvider.TimestampFrequency), Timeout.InfiniteTimeSpan);
                return;
            }

            _armed = false;
            var id = _awaited;
            _awaited = 0;
            _reply.SetException(new TimeoutException($"{_path.Name}: the pins did not answer request {id} within {_timeout.TotalMilliseconds:0} ms"));
        }
    }
}
