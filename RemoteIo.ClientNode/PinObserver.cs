using RemoteIo.Actors.Kernel.Event;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.ClientNode;

/// <summary>
/// Edges of one pin as this session observes them (any number of sessions may observe a pin
/// while one drives it): a <see cref="Changed"/> event, an <see cref="EventsAsync"/> stream per
/// reader, <see cref="WaitForEdgeAsync"/> and <see cref="ReadAsync"/>. Events carry the host's
/// timestamp and the pin's sequence number, identical for every observer, so gaps are visible.
/// </summary>
/// <remarks>
/// The client acknowledges edges to the host as they arrive (flow control), so a client process
/// that falls behind loses events on the host's side, visibly (<see cref="PinEventKind.Dropped"/>),
/// without slowing the pin or other observers; a reader that falls behind its own buffer
/// (<see cref="RemoteServerOptions.EventsBuffer"/>) loses the oldest, also visibly.
/// </remarks>
public class PinObserver : IAsyncDisposable
{
    /// <summary>The most edges between acknowledgements: with a large host queue, a quarter of it would leave the host unsure for too long.</summary>
    private const int MaxAckInterval = 64;

    /// <summary>Guards the readers and waiters.</summary>
    private readonly Lock _gate = new();

    /// <summary>The buffers of the current <see cref="EventsAsync"/> readers.</summary>
    private readonly List<EventBuffer> _readers = [];

    /// <summary>Callers of <see cref="WaitForEdgeAsync"/> still waiting.</summary>
    private readonly List<(Edge Edge, TaskCompletionSource<PinEvent> Waiter)> _waiters = [];

    /// <summary>The pin as the observation names it.</summary>
    private readonly PinRef _ref;

    /// <summary>Acknowledge after this many edges (a quarter of the host's queue, at most <see cref="MaxAckInterval"/>).</summary>
    private readonly ulong _ackEvery;

    /// <summary>The last sequence acknowledged to the host.</summary>
    private ulong _acked;

    /// <summary>True once registered with the session under <see cref="Gpio"/> (events reach it from then on).</summary>
    private volatile bool _registered;

    /// <summary>Set once the observation ended.</summary>
    private Exception? _ended;

    /// <summary>
    /// The first reader's buffer, filled from the start of the observation until the first
    /// <see cref="EventsAsync"/> takes it: the edges that arrive between <see cref="RemoteServer.ObserveAsync"/>
    /// returning and the caller's first read are not lost. Null once taken.
    /// </summary>
    private EventBuffer? _firstReader;

    /// <summary>Created by <see cref="RemoteServer.ObserveAsync"/> (or a subclass).</summary>
    internal PinObserver(RemoteServer server, PinRef pin, ObserveOptions options)
    {
        Server = server;
        _ref = pin;
        Options = options;
        _ackEvery = (ulong)Math.Clamp(options.QueueCapacity / 4, 1, MaxAckInterval);
    }

    /// <summary>
    /// Raised for every event, in order, on the thread that receives from the host (the link's read
    /// thread; the client actor's for an in-process host). Keep handlers short and never block: a
    /// blocked handler holds up everything else the host sends, and one blocked beyond the heartbeat
    /// deadline gets the link declared dead. Hand slow work to <see cref="EventsAsync"/> or a queue.
    /// </summary>
    public event EventHandler<PinEvent>? Changed;

    /// <summary>The session.</summary>
    public RemoteServer Server { get; }

    /// <summary>How the pin is observed.</summary>
    public ObserveOptions Options { get; }

    /// <summary>The pin's GPIO number (known once observing).</summary>
    public int Gpio { get; private set; }

    /// <summary>The last level seen (when observing started, then after every edge).</summary>
    public bool Level { get; private set; }

    /// <summary>The last edge sequence number seen.</summary>
    public ulong Sequence { get; private set; }

    /// <summary>The pin's edge sequence number when observing began: the first edge this observer sees is numbered one more, unless the host dropped it (then a Dropped event says so).</summary>
    public ulong SequenceAtStart { get; private set; }

    /// <summary>Reads the level on the host now.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The level.</returns>
    public Task<PinReading> ReadAsync(CancellationToken cancellationToken = default) => Server.ReadAsync(Gpio, Numbering.Gpio, cancellationToken);

    /// <summary>
    /// The events until the observation ends (<see cref="ConnectionLostException"/> if the link
    /// died) or <paramref name="cancellationToken"/> fires. The first reader gets every event since
    /// the observation started (so none falls between <see cref="RemoteServer.ObserveAsync"/> and
    /// the first read); each later call is a reader of the events from when it starts. Every reader
    /// has its own buffer.
    /// </summary>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The events.</returns>
    public async IAsyncEnumerable<PinEvent> EventsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        EventBuffer buffer;
        lock (_gate)
        {
            // The first reader's buffer is registered since the start (and completed by End).
            var first = _firstReader;
            _firstReader = null;
            buffer = first ?? new EventBuffer(Server.Options.EventsBuffer);
            if (_ended is { } ended)
            {
                buffer.Complete(ended is OperationCanceledException ? null : ended);
            }
            else if (first is null)
            {
                _readers.Add(buffer);
            }
        }

        try
        {
            await foreach (var pinEvent in buffer.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return pinEvent;
            }
        }
        finally
        {
            lock (_gate)
            {
                _readers.Remove(buffer);
            }
        }
    }

    /// <summary>Waits for the next edge of the kind <paramref name="edge"/>.</summary>
    /// <param name="edge">Rising, falling or both.</param>
    /// <param name="timeout">How long to wait (on the client node's clock).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The edge.</returns>
    /// <exception cref="TimeoutException">No such edge in time.</exception>
    /// <exception cref="ConnectionLostException">The link died first.</exception>
    public async Task<PinEvent> WaitForEdgeAsync(Edge edge, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var waiter = new TaskCompletionSource<PinEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_ended is { } ended)
            {
                throw ended is OperationCanceledException ? new InvalidOperationException($"GPIO {Gpio} is no longer observed") : ended;
            }

            _waiters.Add((edge, waiter));
        }

        try
        {
            return await waiter.Task.WaitAsync(timeout, Server.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"no {edge.ToString().ToLowerInvariant()} edge on GPIO {Gpio} within {timeout.TotalMilliseconds:0.###} ms", e);
        }
        finally
        {
            lock (_gate)
            {
                _waiters.RemoveAll(w => ReferenceEquals(w.Waiter, waiter));
            }
        }
    }

    /// <summary>Stops observing on the host and ends every reader.</summary>
    /// <returns>Completes once the host was told.</returns>
    public virtual ValueTask DisposeAsync()
    {
        if (End(new OperationCanceledException($"GPIO {Gpio} is no longer observed")))
        {
            Server.RemoveObserver(Gpio, this);
            if (Server.State == ConnectionState.Connected)
            {
                Server.Post(new StopObserving { RequestId = Server.NextId(), Pin = new PinRef { Numbering = Numbering.Gpio, Number = (uint)Gpio } });
            }
        }

        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override string ToString() => $"observer of GPIO {Gpio}";

    /// <summary>Subscribes on the host.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>Completes when the host confirmed.</returns>
    internal async Task StartAsync(CancellationToken cancellationToken)
    {
        var id = Server.NextId();
        var observe = new ObservePin
        {
            RequestId = id,
            Pin = _ref,
            Edges = Options.Edges switch { Edge.Rising => EdgeFilter.Rising, Edge.Falling => EdgeFilter.Falling, _ => EdgeFilter.Both },
            DebounceUs = RemoteServer.Microseconds32(Options.Debounce, nameof(Options.Debounce)),
            WatchdogUs = RemoteServer.Microseconds32(Options.Watchdog, nameof(Options.Watchdog)),
            QueueCapacity = (uint)Options.QueueCapacity,
            FlowControl = true,
        };
        lock (_gate)
        {
            _firstReader = new EventBuffer(Server.Options.EventsBuffer);
            _readers.Add(_firstReader);
        }

        var gpio = _ref.Numbering == Numbering.Gpio ? (int)_ref.Number : -1;
        if (gpio >= 0)
        {
            Gpio = gpio;
            Server.AddObserver(gpio, this);
            _registered = true;
        }

        // The confirmation is applied where it arrives (OnStarted), before any event after it: a
        // board pin's observer is registered under its GPIO there, not in this continuation, which
        // may run after the first edges (they were dropped, unseen, when it did).
        Server.AddPendingObserve(id, this);
        try
        {
            await Server.RequestAsync<ObserveStarted>(Server.HostPins, observe, id, $"observing {(gpio >= 0 ? $"GPIO {gpio}" : $"board pin {_ref.Number}")}", Server.Options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Server.RemovePendingObserve(id);
            if (_registered)
            {
                Server.RemoveObserver(Gpio, this);
            }

            throw;
        }
    }

    /// <summary>
    /// The host confirmed the observation (on the thread that receives from the host, before any
    /// event that follows it): takes the pin's GPIO, level and sequence, and registers a board pin's
    /// observer under its GPIO.
    /// </summary>
    /// <param name="started">The confirmation.</param>
    /// <returns>Null, or why the observer cannot be registered (this session already observes that GPIO).</returns>
    internal string? OnStarted(ObserveStarted started)
    {
        if (!_registered)
        {
            Gpio = (int)started.Gpio;
            if (!Server.TryAddObserver(Gpio, this))
            {
                return $"GPIO {Gpio} is already observed by this session; use its existing observer (or dispose it first)";
            }

            _registered = true;
        }

        lock (_gate)
        {
            Level = started.Level;
            Sequence = started.Sequence;
            SequenceAtStart = started.Sequence;
            _acked = started.Sequence;
        }

        return null;
    }

    /// <summary>An event for this pin (the link's read thread, or the client actor's): state, event handlers, readers, waiters, acknowledgement.</summary>
    /// <param name="pinEvent">The event.</param>
    internal void Deliver(PinEvent pinEvent)
    {
        if (pinEvent.Kind == PinEventKind.Edge)
        {
            lock (_gate)
            {
                Level = pinEvent.Level;
                Sequence = pinEvent.Sequence;
            }
        }

        try
        {
            Changed?.Invoke(this, pinEvent);
        }
        catch (Exception e)
        {
            Server.System.Log.Error(e, "A Changed handler of GPIO {0} threw: {1}", Gpio, e.Message);
        }

        var ack = false;
        lock (_gate)
        {
            foreach (var reader in _readers)
            {
                reader.Write(pinEvent);
            }

            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (pinEvent.Matches(_waiters[i].Edge))
                {
                    _waiters[i].Waiter.TrySetResult(pinEvent);
                    _waiters.RemoveAt(i);
                }
            }

            if (pinEvent.Kind == PinEventKind.Edge && pinEvent.Sequence - _acked >= _ackEvery)
            {
                _acked = pinEvent.Sequence;
                ack = true;
            }
        }

        if (ack)
        {
            Server.Post(new AckEvents { Gpio = (uint)Gpio, Sequence = pinEvent.Sequence });
        }
    }

    /// <summary>Ends the observation: readers finish (or throw <paramref name="error"/>), waiters fail.</summary>
    /// <param name="error">Why; an <see cref="OperationCanceledException"/> for a normal end.</param>
    /// <returns>True the first time.</returns>
    internal bool End(Exception error)
    {
        List<EventBuffer> readers;
        List<(Edge Edge, TaskCompletionSource<PinEvent> Waiter)> waiters;
        lock (_gate)
        {
            if (_ended is not null)
            {
                return false;
            }

            _ended = error;
            readers = [.. _readers];
            waiters = [.. _waiters];
            _waiters.Clear();
        }

        foreach (var reader in readers)
        {
            reader.Complete(error is OperationCanceledException ? null : error);
        }

        foreach (var (_, waiter) in waiters)
        {
            if (waiter.TrySetException(error))
            {
                _ = waiter.Task.Exception;
            }
        }

        return true;
    }
}
