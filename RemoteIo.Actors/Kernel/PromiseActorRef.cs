using RemoteIo.Actors.Kernel.Dispatch;

namespace RemoteIo.Actors.Kernel;

/// <summary>
/// The temporary reference an Ask replies to (<c>/temp/$n</c>, resolvable so remote replies find
/// it): the first message completes the task; then the reference unregisters, cancels its
/// timeout and tells its watchers it is gone.
/// </summary>
/// <typeparam name="T">The expected reply type.</typeparam>
internal sealed class PromiseActorRef<T> : ActorRefBase
{
    /// <summary>The reply; continuations run asynchronously so they never run on an actor's thread.</summary>
    private readonly TaskCompletionSource<T> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The actor system.</summary>
    private readonly ActorSystem _system;

    /// <summary>The reference's <c>/temp</c> path.</summary>
    private readonly ActorPath _path;

    /// <summary>Guards <see cref="_watchers"/> against completion.</summary>
    private readonly Lock _gate = new();

    /// <summary>Actors watching this reference; null once completed.</summary>
    private List<IInternalActorRef>? _watchers = [];

    /// <summary>The timeout timer.</summary>
    private ITimer? _timer;

    /// <summary>The cancellation registration.</summary>
    private CancellationTokenRegistration _registration;

    /// <summary>1 once the first completion won.</summary>
    private int _completed;

    /// <summary>Creates the reference.</summary>
    private PromiseActorRef(ActorSystem system, ActorPath path)
    {
        _system = system;
        _path = path;
    }

    /// <inheritdoc />
    public override ActorPath Path => _path;

    /// <inheritdoc />
    public override ActorSystem System => _system;

    /// <summary>Sends the question and returns the reply task.</summary>
    public static Task<T> Ask(ActorSystem system, ICanTell target, object message, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var promise = system.Provider.RegisterTemp(path => new PromiseActorRef<T>(system, path));
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            var description = $"Ask timed out on {Describe(target)} after {timeout.TotalMilliseconds:0.###} ms (message: {message.GetType().Name}).";
            promise._timer = system.TimeProvider.CreateTimer(
                static state =>
                {
                    var (self, text) = ((PromiseActorRef<T>, string))state!;
                    self.Complete(p => p.TrySetException(new AskTimeoutException(text)));
                },
                (promise, description),
                timeout,
                Timeout.InfiniteTimeSpan);
        }

        if (cancellationToken.CanBeCanceled)
        {
            promise._registration = cancellationToken.UnsafeRegister(
                static (state, token) => ((PromiseActorRef<T>)state!).Complete(p => p.TrySetCanceled(token)),
                promise);
        }

        target.Tell(message, promise);
        return promise._promise.Task;
    }

    /// <inheritdoc />
    public override void Tell(object message, IActorRef? sender)
    {
        switch (message)
        {
            case Status.Failure failure:
                Complete(p => p.TrySetException(failure.Cause));
                break;
            case T reply:
                Complete(p => p.TrySetResult(reply));
                break;
            case null:
                break;
            default:
                Complete(p => p.TrySetException(new InvalidCastException($"Ask expected a reply of type {typeof(T).Name} but {sender?.Path.ToString() ?? "no sender"} replied with a {message.GetType().Name}.")));
                break;
        }
    }

    /// <inheritdoc />
    public override void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Watch watch when !watch.Watcher.Equals(this):
                lock (_gate)
                {
                    if (_watchers is not null)
                    {
                        _watchers.Add(watch.Watcher);
                        return;
                    }
                }

                watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, ExistenceConfirmed: true, AddressTerminated: false));
                break;
            case Unwatch unwatch:
                lock (_gate)
                {
                    _watchers?.Remove(unwatch.Watcher);
                }

                break;
        }
    }

    /// <summary>Names an Ask target for the timeout message.</summary>
    private static string Describe(ICanTell target) => target is IActorRef reference ? reference.Path.ToString() : target.ToString() ?? "?";

    /// <summary>Completes the promise (first completion wins), cleaning up before the awaiting code can run.</summary>
    private void Complete(Func<TaskCompletionSource<T>, bool> complete)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            return;
        }

        _system.Provider.UnregisterTemp(_path);
        _timer?.Dispose();
        _registration.Dispose();
        complete(_promise);
        List<IInternalActorRef>? watchers;
        lock (_gate)
        {
            watchers = _watchers;
            _watchers = null;
        }

        foreach (var watcher in watchers ?? [])
        {
            watcher.SendSystemMessage(new DeathWatchNotification(this, ExistenceConfirmed: true, AddressTerminated: false));
        }
    }
}
