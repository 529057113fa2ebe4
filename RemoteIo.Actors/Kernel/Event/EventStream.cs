namespace RemoteIo.Actors.Kernel.Event;

/// <summary>
/// The actor system's publish/subscribe bus for system-wide events: log events, dead letters,
/// unhandled messages, and anything an application publishes. A subscription is to a type and
/// receives every event assignable to it. Actors subscribe by reference (events arrive as
/// messages); tests and logging bridges subscribe with a delegate (called synchronously on the
/// publishing thread, so it must be quick and thread-safe).
/// </summary>
public sealed class EventStream
{
    /// <summary>Serialises changes to <see cref="_subscribers"/>; publishing reads a snapshot without it.</summary>
    private readonly Lock _gate = new();

    /// <summary>The current subscriptions (copy-on-write, so <see cref="Publish"/> never locks).</summary>
    private Subscription[] _subscribers = [];

    /// <summary>Only an actor system creates its event stream.</summary>
    internal EventStream()
    {
    }

    /// <summary>Subscribes an actor to every event assignable to <paramref name="channel"/>.</summary>
    /// <param name="subscriber">The actor to tell each event.</param>
    /// <param name="channel">The event type (a base type or interface subscribes to all derived events).</param>
    /// <returns>False when the actor was already subscribed to that channel.</returns>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            foreach (var existing in _subscribers)
            {
                if (existing.Channel == channel && subscriber.Equals(existing.Actor))
                {
                    return false;
                }
            }

            _subscribers = [.. _subscribers, new Subscription(channel, subscriber, null)];
            return true;
        }
    }

    /// <summary>Subscribes a delegate to every event assignable to <typeparamref name="TEvent"/>.</summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <param name="handler">Called synchronously on the publishing thread; exceptions it throws are swallowed.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    public IDisposable Subscribe<TEvent>(Action<TEvent> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(typeof(TEvent), null, e => handler((TEvent)e));
        lock (_gate)
        {
            _subscribers = [.. _subscribers, subscription];
        }

        return new Unsubscriber(this, subscription);
    }

    /// <summary>Ends an actor's subscription to one channel.</summary>
    /// <param name="subscriber">The subscribed actor.</param>
    /// <param name="channel">The channel it subscribed to.</param>
    /// <returns>True when a subscription was removed.</returns>
    public bool Unsubscribe(IActorRef subscriber, Type channel) => Remove(s => s.Channel == channel && subscriber.Equals(s.Actor));

    /// <summary>Ends all of an actor's subscriptions (done automatically when the actor stops).</summary>
    /// <param name="subscriber">The subscribed actor.</param>
    /// <returns>True when at least one subscription was removed.</returns>
    public bool Unsubscribe(IActorRef subscriber) => Remove(s => subscriber.Equals(s.Actor));

    /// <summary>Delivers <paramref name="event"/> to every matching subscriber. Never throws.</summary>
    /// <param name="event">The event.</param>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var type = @event.GetType();
        foreach (var subscription in Volatile.Read(ref _subscribers))
        {
            if (subscription.Channel.IsAssignableFrom(type))
            {
                subscription.Deliver(@event);
            }
        }
    }

    /// <summary>Removes the subscriptions matching <paramref name="match"/>.</summary>
    private bool Remove(Func<Subscription, bool> match)
    {
        if (!Array.Exists(Volatile.Read(ref _subscribers), s => match(s)))
        {
            return false;
        }

        lock (_gate)
        {
            var kept = Array.FindAll(_subscribers, s => !match(s));
            var removed = kept.Length != _subscribers.Length;
            _subscribers = kept;
            return removed;
        }
    }

    /// <summary>One subscription: an actor or a delegate on a channel.</summary>
    private sealed record Subscription(Type Channel, IActorRef? Actor, Action<object>? Handler)
    {
        /// <summary>Tells the actor or calls the delegate; a throwing delegate must not break publishing.</summary>
        public void Deliver(object @event)
        {
            if (Actor is not null)
            {
                Actor.Tell(@event, null);
                return;
            }

            try
            {
                Handler!(@event);
            }
            catch (Exception)
            {
                // A subscriber's bug must not stop the others or the publisher (often an actor's mailbox run).
            }
        }
    }

    /// <summary>Ends a delegate subscription when disposed.</summary>
    private sealed class Unsubscriber(EventStream stream, Subscription subscription) : IDisposable
    {
        /// <inheritdoc />
        public void Dispose() => stream.Remove(s => ReferenceEquals(s, subscription));
    }
}
