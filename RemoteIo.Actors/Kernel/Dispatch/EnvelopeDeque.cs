namespace RemoteIo.Actors.Kernel.Dispatch;

/// <summary>
/// A growable ring buffer of envelopes used only by the thread running a mailbox: messages put
/// back in front of the queue (unstashed) wait here, ahead of the concurrent queue.
/// </summary>
internal sealed class EnvelopeDeque
{
    /// <summary>The ring buffer; its length is a power of two.</summary>
    private Envelope[] _items = new Envelope[4];

    /// <summary>Index of the first element.</summary>
    private int _head;

    /// <summary>How many envelopes are held.</summary>
    public int Count { get; private set; }

    /// <summary>Puts <paramref name="envelope"/> in front of the others.</summary>
    public void AddFirst(in Envelope envelope)
    {
        if (Count == _items.Length)
        {
            Grow();
        }

        _head = (_head - 1) & (_items.Length - 1);
        _items[_head] = envelope;
        Count++;
    }

    /// <summary>Takes the first envelope.</summary>
    /// <returns>False when empty.</returns>
    public bool TryTakeFirst(out Envelope envelope)
    {
        if (Count == 0)
        {
            envelope = default;
            return false;
        }

        envelope = _items[_head];
        _items[_head] = default;
        _head = (_head + 1) & (_items.Length - 1);
        Count--;
        return true;
    }

    /// <summary>Doubles the buffer, keeping the order.</summary>
    private void Grow()
    {
        var bigger = new Envelope[_items.Length * 2];
        for (var i = 0; i < Count; i++)
        {
            bigger[i] = _items[(_head + i) & (_items.Length - 1)];
        }

        _items = bigger;
        _head = 0;
    }
}
