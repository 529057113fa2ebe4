namespace RemoteIo.Actors.Kernel;

/// <summary>An actor's unbounded stash (<see cref="IStash"/>); it belongs to the cell, so it outlives an instance until restart or stop hands it on.</summary>
/// <param name="cell">The actor owning the stash.</param>
internal sealed class StashImpl(ActorCell cell) : IStash
{
    /// <summary>Stashed messages, oldest first.</summary>
    private readonly List<Envelope> _stashed = [];

    /// <inheritdoc />
    public int Count => _stashed.Count;

    /// <inheritdoc />
    public void Stash() => _stashed.Add(cell.TakeCurrentForStash());

    /// <inheritdoc />
    public void Unstash()
    {
        if (_stashed.Count == 0)
        {
            return;
        }

        var first = _stashed[0];
        _stashed.RemoveAt(0);
        cell.Mailbox.EnqueueFirst([first]);
    }

    /// <inheritdoc />
    public void UnstashAll()
    {
        if (_stashed.Count == 0)
        {
            return;
        }

        cell.Mailbox.EnqueueFirst(_stashed);
        _stashed.Clear();
    }

    /// <inheritdoc />
    public void UnstashAll(Func<Envelope, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var selected = new List<Envelope>();
        var kept = new List<Envelope>();
        foreach (var envelope in _stashed)
        {
            (predicate(envelope) ? selected : kept).Add(envelope);
        }

        _stashed.Clear();
        _stashed.AddRange(kept);
        cell.Mailbox.EnqueueFirst(selected);
    }

    /// <inheritdoc />
    public IReadOnlyList<Envelope> ClearStash()
    {
        var dropped = _stashed.ToArray();
        _stashed.Clear();
        return dropped;
    }
}
