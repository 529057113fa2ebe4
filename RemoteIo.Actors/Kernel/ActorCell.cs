using RemoteIo.Actors.Kernel.Dispatch;
using RemoteIo.Actors.Kernel.Event;

namespace RemoteIo.Actors.Kernel;

/// <summary>
/// The kernel's side of one actor: its mailbox, current instance, behaviour stack, children,
/// death watch, stash, timers and supervision state. Everything here runs on the thread that runs
/// the mailbox (one at a time), except the members documented as thread-safe (child creation and
/// lookup, which the actor system calls from any thread).
/// </summary>
internal sealed partial class ActorCell : IActorContext
{
    /// <summary>The cell whose mailbox the current thread is running (implicit sender, context checks).</summary>
    [ThreadStatic]
    private static ActorCell? _current;

    /// <summary>The cell whose props factory is running on this thread; the new <see cref="ActorBase"/> takes it.</summary>
    [ThreadStatic]
    private static ActorCell? _creating;

    /// <summary>The actor system.</summary>
    private readonly ActorSystem _system;

    /// <summary>The parent, which supervises this actor.</summary>
    private readonly IInternalActorRef _parent;

    /// <summary>This actor's reference.</summary>
    private readonly LocalActorRef _self;

    /// <summary>How to create (and re-create) the instance.</summary>
    private readonly Props _props;

    /// <summary>The behaviour stack; the last entry handles messages.</summary>
    private readonly List<Receive> _behaviors = new(2);

    /// <summary>The current instance; null before creation, between a failure and the restart, and after stopping.</summary>
    private ActorBase? _actor;

    /// <summary>The user message being processed (null outside message processing).</summary>
    private object? _currentMessage;

    /// <summary>The sender of <see cref="_currentMessage"/>.</summary>
    private IActorRef? _currentSender;

    /// <summary>True once <see cref="_currentMessage"/> has been stashed (it may be stashed only once).</summary>
    private bool _currentStashed;

    /// <summary>The stash, created for the first instance that implements <see cref="IWithStash"/>.</summary>
    private StashImpl? _stash;

    /// <summary>The keyed timers, created for the first instance that implements <see cref="IWithTimers"/>.</summary>
    private TimerScheduler? _timers;

    /// <summary>The logger naming this actor as source, created on first use.</summary>
    private ILoggingAdapter? _log;

    /// <summary>Creates the cell; <see cref="Start"/> sends its first system message.</summary>
    /// <param name="system">The actor system.</param>
    /// <param name="path">The actor's path, with its uid.</param>
    /// <param name="props">How to create the instance.</param>
    /// <param name="dispatcher">The dispatcher that runs the mailbox.</param>
    /// <param name="parent">The supervisor.</param>
    public ActorCell(ActorSystem system, ActorPath path, Props props, MessageDispatcher dispatcher, IInternalActorRef parent)
    {
        _system = system;
        _props = props;
        _parent = parent;
        _self = new LocalActorRef(this, path);
        Mailbox = new Mailbox(this, dispatcher, system.Quiescence);
    }

    /// <summary>The cell whose mailbox the current thread is running, if any.</summary>
    internal static ActorCell? Current => _current;

    /// <summary>The actor's mailbox.</summary>
    internal Mailbox Mailbox { get; }

    /// <inheritdoc />
    public IActorRef Self => _self;

    /// <summary>This actor's reference, typed for the kernel.</summary>
    internal LocalActorRef SelfRef => _self;

    /// <inheritdoc />
    public IActorRef Sender => _currentSender ?? _system.DeadLetters;

    /// <inheritdoc />
    public IActorRef Parent => _parent;

    /// <inheritdoc />
    public ActorSystem System => _system;

    /// <inheritdoc />
    public Props Props => _props;

    /// <inheritdoc />
    public MessageDispatcher Dispatcher => Mailbox.Dispatcher;

    /// <summary>The logger naming this actor as source.</summary>
    private ILoggingAdapter Log => _log ??= _system.CreateLogger(_self.Path.ToString(), _actor?.GetType() ?? _props.ActorType);

    /// <summary>Marks the current thread as running <paramref name="cell"/>'s mailbox.</summary>
    /// <returns>The previous value, for <see cref="LeaveThread"/>.</returns>
    internal static ActorCell? EnterThread(ActorCell cell)
    {
        var previous = _current;
        _current = cell;
        return previous;
    }

    /// <summary>Restores the thread's previous cell.</summary>
    internal static void LeaveThread(ActorCell? previous) => _current = previous;

    /// <summary>Hands the cell being created to the <see cref="ActorBase"/> constructor (once).</summary>
    /// <returns>The cell, or null when no props factory is running.</returns>
    internal static ActorCell? TakeCreatingCell()
    {
        var cell = _creating;
        _creating = null;
        return cell;
    }

    /// <summary>Sends the creation message; the instance is created on the mailbox's thread.</summary>
    public void Start() => Mailbox.SystemEnqueue(new Create());

    /// <inheritdoc />
    public IActorRef ActorOf(Props props, string? name = null) => AttachChild(props, name);

    /// <inheritdoc />
    public ILoggingAdapter GetLogger() => Log;

    /// <inheritdoc />
    public ActorSelection ActorSelection(string path) => _system.Selection(_self, path);

    /// <summary>Sets the behaviour stack to the instance's initial behaviour (called by the <see cref="ActorBase"/> constructor).</summary>
    internal void InitializeBehavior(Receive receive)
    {
        _behaviors.Clear();
        _behaviors.Add(receive);
    }

    /// <inheritdoc />
    public void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        _behaviors.Clear();
        _behaviors.Add(receive);
    }

    /// <inheritdoc />
    public void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        _behaviors.Add(receive);
    }

    /// <inheritdoc />
    public void UnbecomeStacked()
    {
        if (_behaviors.Count > 1)
        {
            _behaviors.RemoveAt(_behaviors.Count - 1);
        }
    }

    /// <summary>Processes one user message; a failure goes to supervision, never to the caller.</summary>
    internal void Invoke(in Envelope envelope)
    {
        var message = envelope.Message;
        _currentMessage = message;
        _currentSender = envelope.Sender;
        _currentStashed = false;
        try
        {
            if (message is IAutoReceivedMessage)
            {
                AutoReceiveMessage(message);
            }
            else
            {
                NoteActivity();
                ReceiveMessage(message);
            }
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
        finally
        {
            _currentMessage = null;
            _currentSender = null;
        }
    }

    /// <summary>Processes one system message; a failure goes to supervision.</summary>
    internal void SystemInvoke(SystemMessage message)
    {
        try
        {
            switch (message)
            {
                case Create:
                    CreateActor();
                    break;
                case Watch watch:
                    AddWatcher(watch.Watchee, watch.Watcher);
                    break;
                case Unwatch unwatch:
                    RemoveWatcher(unwatch.Watchee, unwatch.Watcher);
                    break;
                case DeathWatchNotification notification:
                    WatchedActorTerminated(notification);
                    break;
                case Failed failed:
                    HandleFailed(failed);
                    break;
                case Recreate recreate:
                    FaultRecreate(recreate.Cause);
                    break;
                case Suspend:
                    FaultSuspend();
                    break;
                case Resume resume:
                    FaultResume(resume.CausedByFailure);
                    break;
                case Terminate:
                    BeginTerminate();
                    break;
            }
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
    }

    /// <summary>Takes the message being processed for the stash (once per message).</summary>
    internal Envelope TakeCurrentForStash()
    {
        if (_currentMessage is null)
        {
            throw new IllegalActorStateException($"{_self.Path}: Stash() may only be called while processing a message.");
        }

        if (_currentStashed)
        {
            throw new IllegalActorStateException($"{_self.Path}: cannot stash the same message ({_currentMessage.GetType().Name}) twice.");
        }

        _currentStashed = true;
        return new Envelope(_currentMessage, _currentSender);
    }

    /// <summary>Publishes a dead letter for an envelope this actor will never process.</summary>
    internal void SendToDeadLetters(in Envelope envelope)
    {
        var message = envelope.Message switch
        {
            TimerMessage tick => tick.Message,
            ReceiveTimeoutTick or WatchedTerminated => null,
            var other => other,
        };
        if (message is not null)
        {
            _system.DeadLetters.Tell(new DeadLetter(message, envelope.Sender ?? _system.DeadLetters, _self), envelope.Sender);
        }
    }

    /// <summary>Reports a bug in the kernel itself (an exception outside any actor code) without crashing the thread.</summary>
    internal void ReportKernelFault(Exception e) => Log.Error(e, "Kernel fault while running the mailbox of {0}: {1}", _self.Path, e.Message);

    /// <summary>Reports a null message, which cannot be delivered or dead-lettered.</summary>
    internal void DropNullMessage(IActorRef? sender) => Log.Warning("A null message from {0} was dropped.", sender?.Path.ToString() ?? "no sender");

    /// <summary>Runs the current behaviour; an unhandled message goes to the instance's <c>Unhandled</c>.</summary>
    private void ReceiveMessage(object message)
    {
        var actor = _actor;
        if (actor is null)
        {
            SendToDeadLetters(new Envelope(message, _currentSender));
            return;
        }

        if (!_behaviors[^1](message))
        {
            actor.InvokeUnhandled(message);
        }
    }

    /// <summary>Handles the messages the kernel interprets itself.</summary>
    private void AutoReceiveMessage(object message)
    {
        switch (message)
        {
            case TimerMessage tick:
                if (_timers is not null && _timers.Accept(tick))
                {
                    _currentMessage = tick.Message;
                    NoteActivity();
                    ReceiveMessage(tick.Message);
                }

                break;
            case ReceiveTimeoutTick tick:
                OnReceiveTimeoutTick(tick);
                break;
            case WatchedTerminated notice:
                NoteActivity();
                ReceivedTerminated(notice.Terminated);
                break;
            case PoisonPill:
                _self.SendSystemMessage(new Terminate());
                break;
            case Kill:
                throw new ActorKilledException($"{_self.Path} received Kill.");
            case Identify identify:
                Sender.Tell(new ActorIdentity(identify.MessageId, _self), _self);
                break;
        }
    }
}
