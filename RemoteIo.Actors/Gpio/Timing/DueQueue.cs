namespace RemoteIo.Actors.Gpio.Timing;

/// <summary>
/// An indexed binary min-heap of "line → next due timestamp": at most one entry per line, updated
/// in place in O(log n), all storage allocated up front so scheduling an edge allocates nothing.
/// </summary>
internal sealed class DueQueue
{
    /// <summary>Heap order: the line at each heap position.</summary>
    private readonly int[] _heap;

    /// <summary>Per line, its heap position, or -1 when absent.</summary>
    private readonly int[] _position;

    /// <summary>Per line, its due timestamp (valid while present).</summary>
    private readonly long[] _due;

    /// <summary>How many lines are queued.</summary>
    private int _count;

    /// <summary>Creates a queue for lines 0 .. <paramref name="lineCount"/>-1.</summary>
    /// <param name="lineCount">How many lines exist.</param>
    public DueQueue(int lineCount)
    {
        _heap = new int[lineCount];
        _position = new int[lineCount];
        _due = new long[lineCount];
        Array.Fill(_position, -1);
    }

    /// <summary>How many lines are queued.</summary>
    public int Count => _count;

    /// <summary>The earliest entry, if any.</summary>
    /// <param name="line">Its line.</param>
    /// <param name="due">Its due timestamp.</param>
    /// <returns>False when empty.</returns>
    public bool TryPeek(out int line, out long due)
    {
        if (_count == 0)
        {
            line = -1;
            due = long.MaxValue;
            return false;
        }

        line = _heap[0];
        due = _due[line];
        return true;
    }

    /// <summary>Queues or moves a line; <see cref="long.MaxValue"/> removes it.</summary>
    /// <param name="line">The line.</param>
    /// <param name="due">Its new due timestamp.</param>
    public void Set(int line, long due)
    {
        if (due == long.MaxValue)
        {
            Remove(line);
            return;
        }

        var position = _position[line];
        if (position < 0)
        {
            position = _count++;
            _heap[position] = line;
            _position[line] = position;
            _due[line] = due;
            SiftUp(position);
            return;
        }

        var old = _due[line];
        _due[line] = due;
        if (due < old)
        {
            SiftUp(position);
        }
        else
        {
            SiftDown(position);
        }
    }

    /// <summary>Removes a line if queued.</summary>
    /// <param name="line">The line.</param>
    public void Remove(int line)
    {
        var position = _position[line];
        if (position < 0)
        {
            return;
        }

        _position[line] = -1;
        var last = _heap[--_count];
        if (position == _count)
        {
            return;
        }

        _heap[position] = last;
        _position[last] = position;
        SiftUp(position);
        SiftDown(_position[last]);
    }

    /// <summary>Moves the entry at <paramref name="position"/> up while it is earlier than its parent.</summary>
    private void SiftUp(int position)
    {
        var line = _heap[position];
        while (position > 0)
        {
            var parent = (position - 1) / 2;
            if (_due[_heap[parent]] <= _due[line])
            {
                break;
            }

            Place(_heap[parent], position);
            position = parent;
        }

        Place(line, position);
    }

    /// <summary>Moves the entry at <paramref name="position"/> down while a child is earlier.</summary>
    private void SiftDown(int position)
    {
        var line = _heap[position];
        while (true)
        {
            var child = (2 * position) + 1;
            if (child >= _count)
            {
                break;
            }

            if (child + 1 < _count && _due[_heap[child + 1]] < _due[_heap[child]])
            {
                child++;
            }

            if (_due[_heap[child]] >= _due[line])
            {
                break;
            }

            Place(_heap[child], position);
            position = child;
        }

        Place(line, position);
    }

    /// <summary>Puts <paramref name="line"/> at heap <paramref name="position"/>.</summary>
    private void Place(int line, int position)
    {
        _heap[position] = line;
        _position[line] = position;
    }
}
