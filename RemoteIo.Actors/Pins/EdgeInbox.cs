using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Kernel;

namespace RemoteIo.Actors.Pins;

/// <summary>
/// Between a pin's driver and its actor: the driver's thread numbers each edge and puts it in a
/// preallocated ring, and wakes the actor with one preallocated message only when the actor is not
/// already due to look — so an edge costs no allocation and never waits for the actor. When the
/// actor falls behind by more than the ring, the oldest edges are kept and the rest counted as lost
/// (every observer then sees the gap and an EventsDropped).
/// </summary>
internal sealed class EdgeInbox : IGpioEdgeListener
{
    /// <summary>Guards the ring (the simulation may deliver one line's edges from two threads).</summary>
    private readonly Lock _gate = new();

    /// <summary>The buffered edges.</summary>
    private readonly EdgeRecord[] _ring;

    /// <summary>Index of the oldest buffered edge.</summary>
    private int _head;

    /// <summary>How many edges are buffered.</summary>
    private int _count;

    /// <summary>The last sequence number given out.</summary>
    private long _sequence;

    /// <summary>Edges lost to a full ring since the actor last drained it.</summary>
    private long _lost;

    /// <summary>The first of those lost edges' sequence numbers.</summary>
    private long _firstLost;

    /// <summary>1 while a wake-up message is on its way to the actor.</summary>
    private int _signalled;

    /// <summary>The pin actor to wake.</summary>
    private IActorRef? _target;

    /// <summary>Creates an inbox.</summary>
    /// <param name="capacity">Edges buffered at most.</param>
    public EdgeInbox(int capacity) => _ring = new EdgeRecord[capacity];

    /// <summary>The last edge sequence number given out (0 before any edge).</summary>
    public long Sequence
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    /// <summary>Wakes <paramref name="actor"/> when edges arrive (a restarted actor attaches again).</summary>
    /// <param name="actor">The pin actor.</param>
    public void Attach(IActorRef actor)
    {
        Volatile.Write(ref _target, actor);
        Volatile.Write(ref _signalled, 0);
        if (HasWork())
        {
            Signal();
        }
    }

    /// <inheritdoc />
    public void OnEdge(in GpioEdgeEvent edge)
    {
        lock (_gate)
        {
            var sequence = ++_sequence;
            if (_count == _ring.Length)
            {
                if (_lost++ == 0)
                {
                    _firstLost = sequence;
                }
            }
            else
            {
                _ring[(_head + _count) % _ring.Length] = new EdgeRecord(sequence, edge.Kind == PinEventTypes.Rising, edge.TimestampNanoseconds);
                _count++;
            }
        }

        Signal();
    }

    /// <summary>
    /// The actor's side: re-arms the wake-up, then takes the buffered edges in order. Call it until it
    /// returns 0 with nothing lost.
    /// </summary>
    /// <param name="into">Receives the edges.</param>
    /// <param name="lost">Edges lost since the last call.</param>
    /// <param name="firstLost">The first lost edge's sequence number.</param>
    /// <returns>How many edges were taken.</returns>
    public int Take(Span<EdgeRecord> into, out long lost, out long firstLost)
    {
        Volatile.Write(ref _signalled, 0);
        lock (_gate)
        {
            lost = _lost;
            firstLost = _firstLost;
            _lost = 0;
            var n = Math.Min(_count, into.Length);
            for (var i = 0; i < n; i++)
            {
                into[i] = _ring[(_head + i) % _ring.Length];
            }

            _head = (_head + n) % _ring.Length;
            _count -= n;
            return n;
        }
    }

    /// <summary>Whether edges or losses wait.</summary>
    private bool HasWork()
    {
        lock (_gate)
        {
            return _count > 0 || _lost > 0;
        }
    }

    /// <summary>Wakes the actor unless a wake-up is already on its way.</summary>
    private void Signal()
    {
        if (Interlocked.Exchange(ref _signalled, 1) == 0)
        {
            Volatile.Read(ref _target)?.Tell(EdgesPending.Instance, ActorRefs.NoSender);
        }
    }
}
