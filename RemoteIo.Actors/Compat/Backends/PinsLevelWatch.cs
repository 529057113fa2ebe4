using Microsoft.Extensions.Logging;
using RemoteIo.Actors.Compat.Pigpio;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Compat.Backends;

/// <summary>
/// The pigpio notifier's view of level changes, made of pins observations: each watched GPIO is
/// observed (ObservePin, both edges, no flow control — the notifier's own bounded queues protect
/// the host) by one reference shared by the endpoint, and every edge is passed on with its tick
/// (the edge's host timestamp in µs) and the levels of GPIO 0-31 after it. Observing needs no claim
/// and never blocks one. The observations form one pins session, closed with the watch. An
/// observation counts from its pin's ObserveStarted: until then an edge is "before the start"
/// and not sent, so <see cref="WhenWatchingAsync"/> waits for the confirmations.
/// </summary>
/// <remarks>
/// Edges come from several pin actors' threads; <see cref="_delivery"/> hands them to the observer
/// one at a time. <see cref="SetMask"/> is called under the notifier's lock, so it only takes
/// <see cref="_state"/>, which is never held while calling out (no lock-order cycle).
/// </remarks>
internal sealed class PinsLevelWatch : IPigpioLevelWatch, IPinsListener
{
    /// <summary>Guards the mask and the level word.</summary>
    private readonly Lock _state = new();

    /// <summary>Serialises calls of the observer.</summary>
    private readonly Lock _delivery = new();

    /// <summary>Where problems are logged.</summary>
    private readonly ILogger _logger;

    /// <summary>Receives the changes.</summary>
    private readonly IPigpioLevelObserver _observer;

    /// <summary>Reads GPIO 0-31 as the backend does (held lines as they are, others at their power-on pull).</summary>
    private readonly Func<uint> _readBank;

    /// <summary>How long the pins may take to confirm an observation, on their clock.</summary>
    private readonly TimeSpan _replyTimeout;

    /// <summary>The pins' clock.</summary>
    private readonly TimeProvider _time;

    /// <summary>The observing reference (its own pins session).</summary>
    private readonly PinsClient _client;

    /// <summary>The ObservePin requests not yet confirmed (ObserveStarted) or refused.</summary>
    private readonly HashSet<ulong> _unconfirmed = [];

    /// <summary>The GPIOs observed (bit n = GPIO n).</summary>
    private uint _mask;

    /// <summary>The levels of GPIO 0-31 as last known: observed GPIOs from their edges, the others from the last bank read.</summary>
    private uint _levels;

    /// <summary>Completed when <see cref="_unconfirmed"/> empties (null while it is empty).</summary>
    private TaskCompletionSource? _confirmed;

    /// <summary>Whether anything was ever observed (so the session exists and must be closed).</summary>
    private bool _observed;

    /// <summary>Set once disposed.</summary>
    private bool _disposed;

    /// <summary>Starts a watch of no GPIO.</summary>
    /// <param name="pins">The pin domain.</param>
    /// <param name="observer">Receives the changes.</param>
    /// <param name="readBank">Reads GPIO 0-31 without side effects.</param>
    public PinsLevelWatch(PinsAccess pins, IPigpioLevelObserver observer, Func<uint> readBank)
    {
        _logger = pins.Logger;
        _observer = observer;
        _readBank = readBank;
        _replyTimeout = pins.ReplyTimeout;
        _time = pins.System.TimeProvider;
        _levels = readBank();
        _client = pins.NewClient("pigpio-notify", this);
    }

    /// <inheritdoc />
    public void SetMask(uint gpios)
    {
        uint added, removed;
        Span<ulong> requestIds = stackalloc ulong[32];
        lock (_state)
        {
            if (_disposed)
            {
                return;
            }

            added = gpios & ~_mask;
            removed = _mask & ~gpios;
            _mask = gpios;

            // GPIOs observed before keep their edge-made levels; the rest (new ones until their observation starts) are read now.
            var kept = gpios & ~added;
            _levels = (_levels & kept) | (_readBank() & ~kept);
            _observed |= added != 0;

            // Registered before the requests leave, so a confirmation can never come first.
            for (var (bits, i) = (added, 0); bits != 0; bits &= bits - 1, i++)
            {
                requestIds[i] = _client.NextId();
                _unconfirmed.Add(requestIds[i]);
                _confirmed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        for (var (bits, i) = (added, 0); bits != 0; bits &= bits - 1, i++)
        {
            var pin = PinsRequests.Gpio(System.Numerics.BitOperations.TrailingZeroCount(bits));
            _client.Send(new ObservePin { RequestId = requestIds[i], Pin = pin, Edges = EdgeFilter.Both, FlowControl = false });
        }

        for (var bits = removed; bits != 0; bits &= bits - 1)
        {
            var pin = PinsRequests.Gpio(System.Numerics.BitOperations.TrailingZeroCount(bits));
            _client.Send(new StopObserving { RequestId = _client.NextId(), Pin = pin });
        }
    }

    /// <inheritdoc />
    public async ValueTask WhenWatchingAsync(CancellationToken cancellationToken)
    {
        Task confirmed;
        lock (_state)
        {
            if (_confirmed is null)
            {
                return;
            }

            confirmed = _confirmed.Task;
        }

        try
        {
            await confirmed.WaitAsync(_replyTimeout, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // pigpio's NB has no error for this; its reports may miss edges until the pins answer.
            _logger.LogWarning("pigpio notifications: the pins did not confirm an observation within {Timeout} ms", _replyTimeout.TotalMilliseconds);
        }
    }

    /// <inheritdoc />
    public void OnMessage(object message)
    {
        switch (message)
        {
            case PinEdge edge:
                Deliver(edge);
                break;
            case ObserveStarted started:
                lock (_state)
                {
                    // The level when observation began: what a bank read would have said, so it is no change to report.
                    SetLevel(started.Gpio, started.Level);
                    Confirm(started.RequestId);
                }

                break;
            case RequestRejected rejected:
                _logger.LogWarning("pigpio notifications: an observation was refused: {Reason}", rejected.Message);
                lock (_state)
                {
                    Confirm(rejected.RequestId);
                }

                break;
            case EventsDropped dropped:
                _logger.LogWarning("pigpio notifications: GPIO {Gpio} lost {Count} edges in the host", dropped.Gpio, dropped.Dropped);
                break;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        bool observed;
        lock (_state)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            observed = _observed;
            _unconfirmed.Clear();
            _confirmed?.TrySetResult();
            _confirmed = null;
        }

        if (observed)
        {
            _client.CloseSession();
        }

        _client.Stop();
    }

    /// <summary>Passes one edge on: its tick and the levels after it.</summary>
    private void Deliver(PinEdge edge)
    {
        if (edge.Gpio > 31)
        {
            return;
        }

        lock (_delivery)
        {
            uint levels;
            lock (_state)
            {
                if (_disposed)
                {
                    return;
                }

                SetLevel(edge.Gpio, edge.Level);
                levels = _levels;
            }

            _observer.OnLevelsChanged(unchecked((uint)(edge.TimestampNs / 1000)), levels);
        }
    }

    /// <summary>An ObservePin was answered; the last answer releases the waiters. The caller holds <see cref="_state"/>.</summary>
    private void Confirm(ulong requestId)
    {
        if (_unconfirmed.Remove(requestId) && _unconfirmed.Count == 0)
        {
            _confirmed?.TrySetResult();
            _confirmed = null;
        }
    }

    /// <summary>Sets one GPIO's bit of the level word; the caller holds <see cref="_state"/>.</summary>
    private void SetLevel(uint gpio, bool level)
    {
        if (gpio < 32)
        {
            _levels = level ? _levels | (1u << (int)gpio) : _levels & ~(1u << (int)gpio);
        }
    }
}
