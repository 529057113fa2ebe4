namespace RemoteIo.Actors.Kernel;

/// <summary>
/// Sends a task's outcome to an actor as a message: how an actor uses async work without blocking
/// its mailbox (the result arrives later as an ordinary message).
/// </summary>
public static class PipeToSupport
{
    /// <summary>
    /// When <paramref name="task"/> completes, tells <paramref name="recipient"/> its result
    /// (through <paramref name="success"/> when given) or, when it fails or is cancelled, a
    /// <see cref="Status.Failure"/> (or <paramref name="failure"/>'s message).
    /// </summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="task">The task.</param>
    /// <param name="recipient">Who gets the outcome.</param>
    /// <param name="sender">The sender the recipient sees.</param>
    /// <param name="success">Maps the result to the message to send.</param>
    /// <param name="failure">Maps the exception to the message to send.</param>
    /// <returns>Completes once the message has been sent.</returns>
    public static Task PipeTo<T>(this Task<T> task, ICanTell recipient, IActorRef? sender = null, Func<T, object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        return PipeAsync(task, recipient, sender, success is null ? static r => r : r => success(r), failure);
    }

    /// <summary>
    /// When <paramref name="task"/> completes, tells <paramref name="recipient"/>
    /// <paramref name="success"/>'s message (default: <see cref="Status.Success"/> with no value)
    /// or a <see cref="Status.Failure"/> (or <paramref name="failure"/>'s message).
    /// </summary>
    /// <param name="task">The task.</param>
    /// <param name="recipient">Who gets the outcome.</param>
    /// <param name="sender">The sender the recipient sees.</param>
    /// <param name="success">Creates the message to send on success.</param>
    /// <param name="failure">Maps the exception to the message to send.</param>
    /// <returns>Completes once the message has been sent.</returns>
    public static Task PipeTo(this Task task, ICanTell recipient, IActorRef? sender = null, Func<object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        return PipeAsync(WithoutResult(task), recipient, sender, _ => success?.Invoke(), failure);
    }

    /// <summary>Awaits the task and tells the outcome.</summary>
    private static async Task PipeAsync<T>(Task<T> task, ICanTell recipient, IActorRef? sender, Func<T, object?> success, Func<Exception, object>? failure)
    {
        object? message;
        try
        {
            message = success(await task.ConfigureAwait(false));
        }
        catch (Exception e)
        {
            message = failure is null ? new Status.Failure(e) : failure(e);
        }

        recipient.Tell(message ?? new Status.Success(null), sender);
    }

    /// <summary>Adapts a plain task to the generic path.</summary>
    private static async Task<bool> WithoutResult(Task task)
    {
        await task.ConfigureAwait(false);
        return true;
    }
}
