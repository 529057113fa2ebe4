namespace RemoteIo.Actors.Kernel;

/// <summary>
/// An actor whose behaviour is a list of typed handlers declared in its constructor:
/// <c>Receive&lt;T&gt;(handler)</c>, optionally with a predicate, and <see cref="ReceiveAny"/>.
/// The first handler whose type (and predicate) matches handles the message; a message no handler
/// matches is unhandled. <see cref="Become(Action)"/> switches to another declared list.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    /// <summary>The list <c>Receive</c> calls currently add to (the constructor's, or a <c>Become</c> block's); null once sealed.</summary>
    private HandlerList? _building = new();

    /// <summary>The constructor's handlers, sealed when the first message arrives.</summary>
    private HandlerList? _initial;

    /// <summary>Declares a handler for messages of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The message type (or a base type or interface).</typeparam>
    /// <param name="handler">Handles the message.</param>
    protected void Receive<T>(Action<T> handler) => Add(new TypedHandler<T>(handler, null));

    /// <summary>Declares a handler for messages of type <typeparamref name="T"/> that satisfy <paramref name="shouldHandle"/>.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="shouldHandle">Decides whether this handler takes the message; otherwise later handlers are tried.</param>
    /// <param name="handler">Handles the message.</param>
    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        Add(new TypedHandler<T>(handler, shouldHandle));
    }

    /// <summary>Declares a handler for messages of type <typeparamref name="T"/> that satisfy <paramref name="shouldHandle"/> (Akka's argument order).</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="handler">Handles the message.</param>
    /// <param name="shouldHandle">Decides whether this handler takes the message.</param>
    protected void Receive<T>(Action<T> handler, Predicate<T> shouldHandle) => Receive(shouldHandle, handler);

    /// <summary>Declares a handler for any message (put it last: later handlers never see a message).</summary>
    /// <param name="handler">Handles the message.</param>
    protected void ReceiveAny(Action<object> handler) => Add(new TypedHandler<object>(handler, null));

    /// <summary>Replaces the behaviour with the handlers <paramref name="configure"/> declares.</summary>
    /// <param name="configure">Calls <c>Receive</c>/<c>ReceiveAny</c> to declare the new behaviour.</param>
    protected void Become(Action configure) => Context.Become(Build(configure).Handle);

    /// <summary>Pushes the handlers <paramref name="configure"/> declares on top of the current behaviour.</summary>
    /// <param name="configure">Calls <c>Receive</c>/<c>ReceiveAny</c> to declare the new behaviour.</param>
    protected void BecomeStacked(Action configure) => Context.BecomeStacked(Build(configure).Handle);

    /// <inheritdoc />
    protected sealed override bool Receive(object message)
    {
        if (_initial is null)
        {
            _initial = _building!;
            _building = null;
        }

        return _initial.Handle(message);
    }

    /// <summary>Runs <paramref name="configure"/> with a fresh list collecting its handlers.</summary>
    private HandlerList Build(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var list = new HandlerList();
        var outer = _building;
        _building = list;
        try
        {
            configure();
        }
        finally
        {
            _building = outer;
        }

        return list;
    }

    /// <summary>Adds a handler to the list being declared.</summary>
    private void Add(Handler handler)
    {
        if (_building is null)
        {
            throw new InvalidOperationException($"{GetType().Name}: Receive may only be called in the constructor or inside Become(...)/BecomeStacked(...).");
        }

        _building.Add(handler);
    }

    /// <summary>One declared handler.</summary>
    private abstract class Handler
    {
        /// <summary>Handles the message if it matches.</summary>
        /// <returns>True when handled.</returns>
        public abstract bool TryHandle(object message);
    }

    /// <summary>A handler for one message type, with an optional predicate.</summary>
    private sealed class TypedHandler<T>(Action<T> handler, Predicate<T>? shouldHandle) : Handler
    {
        /// <inheritdoc />
        public override bool TryHandle(object message)
        {
            if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
            {
                handler(typed);
                return true;
            }

            return false;
        }
    }

    /// <summary>An ordered handler list: the first match wins.</summary>
    private sealed class HandlerList
    {
        /// <summary>The handlers in declaration order.</summary>
        private readonly List<Handler> _handlers = [];

        /// <summary>Appends a handler.</summary>
        public void Add(Handler handler) => _handlers.Add(handler);

        /// <summary>Offers the message to each handler in order.</summary>
        /// <returns>True when one handled it.</returns>
        public bool Handle(object message)
        {
            for (var i = 0; i < _handlers.Count; i++)
            {
                if (_handlers[i].TryHandle(message))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
