namespace RemoteIo.Actors.Remote.Links;

/// <summary>
/// Wakes a link's write loop: an auto-reset event with one asynchronous waiter. A signal given
/// while nobody waits is kept for the next wait, so none is lost between a check and a wait.
/// </summary>
internal sealed class WriterSignal
{
    /// <summary>Guards the two fields below.</summary>
    private readonly Lock _gate = new();

    /// <summary>A signal given while nobody waited.</summary>
    private bool _set;

    /// <summary>The waiting loop's completion, or null.</summary>
    private TaskCompletionSource? _waiter;

    /// <summary>Wakes the waiter, or keeps the signal for the next wait.</summary>
    public void Set()
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            waiter = _waiter;
            _waiter = null;
            _set = waiter is null;
        }

        // Asynchronous continuations: the signalling thread (an actor's, a timer's) never runs the loop.
        waiter?.TrySetResult();
    }

    /// <summary>Completes at the next signal (at once when one is kept).</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>Completes when signalled.</returns>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_set)
            {
                _set = false;
                return Task.CompletedTask;
            }

            _waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _waiter.Task.WaitAsync(cancellationToken);
        }
    }
}
