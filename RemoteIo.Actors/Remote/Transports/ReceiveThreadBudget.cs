namespace RemoteIo.Actors.Remote.Transports;

/// <summary>
/// How many of a transport's connections may read on a thread of their own at once
/// (<see cref="TransportOptions.ReceiveThreads"/>). Threads cost memory and scheduling, so they
/// are bounded; connections beyond the budget read through the socket engine instead.
/// </summary>
/// <param name="capacity">Connections with their own receive thread at most.</param>
internal sealed class ReceiveThreadBudget(int capacity)
{
    /// <summary>Threads handed out and not yet given back.</summary>
    private int _taken;

    /// <summary>Takes one thread if the budget allows.</summary>
    /// <returns>This budget when taken (call <see cref="Return"/> on it once the thread ends or never starts); null when spent.</returns>
    public ReceiveThreadBudget? TryTake()
    {
        if (Interlocked.Increment(ref _taken) <= capacity)
        {
            return this;
        }

        Interlocked.Decrement(ref _taken);
        return null;
    }

    /// <summary>Gives back a thread taken with <see cref="TryTake"/>.</summary>
    public void Return() => Interlocked.Decrement(ref _taken);
}
