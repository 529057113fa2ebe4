namespace RemoteIo.Actors.Kernel;

/// <summary>The Ask pattern: send a message and get the reply as a task.</summary>
public static class Futures
{
    /// <summary>Asks and returns the reply as it is.</summary>
    /// <param name="target">An actor reference or selection that belongs to an actor system.</param>
    /// <param name="message">The question.</param>
    /// <param name="timeout">How long to wait, on the system's clock (positive, or <see cref="Timeout.InfiniteTimeSpan"/>).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The reply.</returns>
    public static Task<object> Ask(this ICanTell target, object message, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Ask<object>(target, message, timeout, cancellationToken);

    /// <summary>
    /// Sends <paramref name="message"/> with a temporary reference as sender and completes with
    /// the first reply: a <typeparamref name="T"/> completes the task, a
    /// <see cref="Status.Failure"/> faults it with its cause, any other reply faults it with an
    /// <see cref="InvalidCastException"/>; no reply in time faults it with an
    /// <see cref="AskTimeoutException"/> naming the target, the message type and the timeout.
    /// Continuations never run on an actor's thread.
    /// </summary>
    /// <typeparam name="T">The expected reply type.</typeparam>
    /// <param name="target">An actor reference or selection that belongs to an actor system.</param>
    /// <param name="message">The question.</param>
    /// <param name="timeout">How long to wait, on the system's clock (positive, or <see cref="Timeout.InfiniteTimeSpan"/>).</param>
    /// <param name="cancellationToken">Cancels the wait (the task is cancelled).</param>
    /// <returns>The reply.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is zero or negative.</exception>
    /// <exception cref="ArgumentException">The target belongs to no actor system.</exception>
    public static Task<T> Ask<T>(this ICanTell target, object message, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "An Ask timeout must be positive (or Timeout.InfiniteTimeSpan).");
        }

        var system = target switch
        {
            ActorSelection selection => selection.System,
            IInternalActorRef reference => reference.System,
            _ => null,
        } ?? throw new ArgumentException($"Cannot Ask {target}: it does not belong to an actor system.", nameof(target));

        return PromiseActorRef<T>.Ask(system, target, message, timeout, cancellationToken);
    }
}
