using RemoteIo.Actors.Kernel.Event;

namespace RemoteIo.Actors.Kernel;

/// <summary>
/// Base class of every actor. The kernel creates instances from <see cref="Props"/> (never with
/// <c>new</c> outside a props factory), calls <see cref="Receive"/> for one message at a time on
/// one thread at a time, and calls the lifecycle hooks: <see cref="PreStart"/> after creation,
/// <see cref="PostStop"/> after stopping, <see cref="PreRestart"/> on the failed instance and
/// <see cref="PostRestart"/> on its replacement.
/// </summary>
public abstract class ActorBase
{
    /// <summary>The cell that created this instance (its context).</summary>
    private readonly ActorCell _cell;

    /// <summary>The supervisor strategy, resolved once per instance.</summary>
    private SupervisorStrategy? _supervisorStrategy;

    /// <summary>Binds the instance to the actor being created.</summary>
    /// <exception cref="ActorInitializationException">Created outside a <see cref="Props"/> factory.</exception>
    protected ActorBase()
    {
        _cell = ActorCell.TakeCreatingCell()
            ?? throw new ActorInitializationException(null, $"Actor {GetType().Name} was constructed directly; create actors with ActorOf(Props.Create(() => new {GetType().Name}(...))).");

        // Set before the subclass constructor runs, so a Become there stacks on the initial behaviour.
        _cell.InitializeBehavior(Receive);
    }

    /// <summary>The actor's context: its references, children, watch and behaviour.</summary>
    protected IActorContext Context => _cell;

    /// <summary>The actor's own reference.</summary>
    protected IActorRef Self => _cell.Self;

    /// <summary>The sender of the message being processed (the dead letters when there is none).</summary>
    protected IActorRef Sender => _cell.Sender;

    /// <summary>The cell behind <see cref="Context"/>, for the kernel.</summary>
    internal ActorCell Cell => _cell;

    /// <summary>The strategy this actor applies to its children: the props' one, else <see cref="SupervisorStrategy()"/>.</summary>
    internal SupervisorStrategy SupervisorStrategyInternal => _supervisorStrategy ??= _cell.Props.SupervisorStrategy ?? SupervisorStrategy();

    /// <summary>Handles one message.</summary>
    /// <param name="message">The message.</param>
    /// <returns>True when handled; false calls <see cref="Unhandled"/>.</returns>
    protected abstract bool Receive(object message);

    /// <summary>
    /// Called for a message no behaviour handled: an unhandled <see cref="Terminated"/> throws a
    /// <see cref="DeathPactException"/>; anything else is published as an <see cref="UnhandledMessage"/>.
    /// </summary>
    /// <param name="message">The message.</param>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated)
        {
            throw new DeathPactException(terminated.ActorRef);
        }

        _cell.System.EventStream.Publish(new UnhandledMessage(message, Sender, Self));
    }

    /// <summary>Called once the instance exists, before its first message.</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Called after the actor stopped (its children have stopped too).</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>
    /// Called on the failed instance before it is replaced. The default stops all children and
    /// calls <see cref="PostStop"/>.
    /// </summary>
    /// <param name="reason">The failure.</param>
    /// <param name="message">The message being processed when it failed, if any (it is not processed again).</param>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.GetChildren())
        {
            Context.Stop(child);
        }

        PostStop();
    }

    /// <summary>Called on the new instance after a restart. The default calls <see cref="PreStart"/>.</summary>
    /// <param name="reason">The failure that caused the restart.</param>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>The strategy for this actor's children (unless the props set one); default: <see cref="Kernel.SupervisorStrategy.DefaultStrategy"/>.</summary>
    /// <returns>The strategy.</returns>
    protected virtual SupervisorStrategy SupervisorStrategy() => Kernel.SupervisorStrategy.DefaultStrategy;

    /// <summary>Runs <see cref="Unhandled"/> for the kernel.</summary>
    internal void InvokeUnhandled(object message) => Unhandled(message);

    /// <summary>Runs <see cref="PreStart"/> for the kernel.</summary>
    internal void InvokePreStart() => PreStart();

    /// <summary>Runs <see cref="PostStop"/> for the kernel.</summary>
    internal void InvokePostStop() => PostStop();

    /// <summary>Runs <see cref="PreRestart"/> for the kernel.</summary>
    internal void InvokePreRestart(Exception reason, object? message) => PreRestart(reason, message);

    /// <summary>Runs <see cref="PostRestart"/> for the kernel.</summary>
    internal void InvokePostRestart(Exception reason) => PostRestart(reason);
}
