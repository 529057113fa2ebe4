using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Timing;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Pins;

/// <summary>Inputs: reads, observers, edge fan-out with filters, debounce, bounded queues and the watchdog.</summary>
internal sealed partial class PinActor
{
    /// <summary>The largest queue a subscriber may ask for (its bookkeeping is preallocated).</summary>
    internal const int MaxQueueCapacity = 65_536;

    /// <summary>The watchdog timer's key.</summary>
    private static readonly object WatchdogKey = new();

    /// <summary>Edges taken from the inbox per pass (preallocated).</summary>
    private readonly EdgeRecord[] _edgeBatch = new EdgeRecord[64];

    /// <summary>Reads the level; the line is opened as an input if nobody holds it.</summary>
    private void OnRead(ReadLevel read)
    {
        if (!TryOpenAndRead(read.RequestId, "read", out var level))
        {
            return;
        }

        Sender.Tell(new PinLevel { RequestId = read.RequestId, Gpio = (uint)Gpio, Level = level, TimestampNs = Now, Sequence = (ulong)_line.Inbox.Sequence }, Self);
        LetGoIfUnused();
    }

    /// <summary>Subscribes the sender (again: its settings are replaced).</summary>
    private void OnObserve(Observe observe)
    {
        if (!TryOpenAndRead(observe.Request.RequestId, "observed", out var level))
        {
            return;
        }

        RemoveSubscriber(Sender);

        // Edges already numbered but still in the inbox go to the existing observers first; the new
        // one starts after the last edge dispatched, so its first edge is numbered exactly one more
        // (the inbox's own counter may already include edges this subscriber will still be sent).
        DrainEdges();
        var request = observe.Request;
        var capacity = request.QueueCapacity > 0 ? (int)request.QueueCapacity : _runtime.Settings.ObserverQueueCapacity;
        var now = Now;
        _line.Subscribers.Add(new Subscriber(Sender, observe.SessionId, request, capacity)
        {
            Level = level,
            SubscribedAtNanoseconds = now,
            WatchdogBaseNanoseconds = now,
        });
        Sender.Tell(new ObserveStarted { RequestId = request.RequestId, Gpio = (uint)Gpio, Level = level, Sequence = (ulong)_line.LastEdge.Sequence }, Self);
        ArmWatchdog(fire: false);
    }

    /// <summary>Opens the line if nobody holds it and reads it; on a driver error the sender is told why (BUSY or DRIVER_FAULT).</summary>
    private bool TryOpenAndRead(ulong requestId, string what, out bool level)
    {
        try
        {
            EnsureOpen();
            level = ReadLevelNow();
            return true;
        }
        catch (GpioException e)
        {
            Sender.Tell(Outcomes.Request(requestId, e is GpioBusyException ? RejectReason.Busy : RejectReason.DriverFault, $"{Name} cannot be {what}: {e.Message}"), Self);
            level = false;
            return false;
        }
    }

    /// <summary>Ends a subscription (and its pending debounce).</summary>
    private void RemoveSubscriber(IActorRef subscriber)
    {
        var index = _line.Subscribers.FindIndex(s => s.Ref.Equals(subscriber));
        if (index >= 0)
        {
            Timers.Cancel(_line.Subscribers[index]);
            _line.Subscribers.RemoveAt(index);
            LetGoIfUnused();
        }
    }

    /// <summary>Ends every subscription of a closed session.</summary>
    private void DropSession(string sessionId)
    {
        foreach (var subscriber in _line.Subscribers.Where(s => s.SessionId == sessionId).ToList())
        {
            RemoveSubscriber(subscriber.Ref);
        }
    }

    /// <summary>
    /// Gives the line back to the system once the host no longer needs it: unclaimed, unobserved,
    /// an input, and not a configured pin (those, like released outputs, stay held at their safe level).
    /// </summary>
    private void LetGoIfUnused()
    {
        var controller = _runtime.Controller;
        if (_line.Claim is not null || _line.Subscribers.Count > 0 || _runtime.Settings.Pins.ContainsKey(Gpio)
            || !controller.IsPinOpen(Gpio) || controller.GetLineSettings(Gpio).Direction != LineDirection.Input)
        {
            return;
        }

        controller.ClosePin(Gpio);
        _line.ListeningForEdges = false;
    }

    /// <summary>A subscriber consumed edges: room in its queue, and news of what it missed.</summary>
    private void OnAck(AckEvents ack)
    {
        var subscriber = Find(Sender);
        if (subscriber is null)
        {
            return;
        }

        subscriber.Acknowledge((long)Math.Min(ack.Sequence, long.MaxValue));
        if (subscriber.HasRoom)
        {
            TellDropped(subscriber);
        }
    }

    /// <summary>Takes the inbox's edges and fans them out.</summary>
    private void DrainEdges()
    {
        while (true)
        {
            var count = _line.Inbox.Take(_edgeBatch, out var lost, out var firstLost);
            if (lost > 0)
            {
                foreach (var subscriber in _line.Subscribers)
                {
                    subscriber.Drop(lost, firstLost);
                    if (subscriber.HasRoom)
                    {
                        TellDropped(subscriber);
                    }
                }
            }

            if (count == 0)
            {
                return;
            }

            for (var i = 0; i < count; i++)
            {
                Dispatch(_edgeBatch[i]);
            }
        }
    }

    /// <summary>
    /// One raw edge to every subscriber: debounce (a change closer than the subscriber's debounce to
    /// the last change it was told of is held back, and settled when the window ends), filter, and
    /// the bounded queue. All subscribers share one message, so an edge allocates one object however
    /// many observe it, and none when nobody does.
    /// </summary>
    private void Dispatch(in EdgeRecord edge)
    {
        _line.LastEdge = edge;
        PinEdge? message = null;
        foreach (var subscriber in _line.Subscribers)
        {
            if (subscriber.DebounceNanoseconds > 0)
            {
                if (edge.Level == subscriber.Level)
                {
                    continue;
                }

                if (edge.TimestampNanoseconds - subscriber.LevelSinceNanoseconds < subscriber.DebounceNanoseconds)
                {
                    ScheduleSettle(subscriber);
                    continue;
                }
            }

            Deliver(subscriber, edge, ref message);
        }
    }

    /// <summary>Tells one subscriber of an edge, within its filter and queue bound.</summary>
    private void Deliver(Subscriber subscriber, in EdgeRecord edge, ref PinEdge? message)
    {
        subscriber.Level = edge.Level;
        subscriber.LevelSinceNanoseconds = edge.TimestampNanoseconds;
        var wanted = subscriber.Filter switch
        {
            EdgeFilter.Both => true,
            EdgeFilter.Rising => edge.Level,
            EdgeFilter.Falling => !edge.Level,
            _ => false,
        };
        if (!wanted)
        {
            return;
        }

        if (!subscriber.HasRoom)
        {
            subscriber.Drop(edge.Sequence);
            return;
        }

        TellDropped(subscriber);
        message ??= new PinEdge { Gpio = (uint)Gpio, Level = edge.Level, TimestampNs = edge.TimestampNanoseconds, Sequence = (ulong)edge.Sequence };
        subscriber.Ref.Tell(message, Self);
        subscriber.Sent(edge.Sequence);
    }

    /// <summary>Tells a subscriber how many edges it lost since it was last told.</summary>
    private void TellDropped(Subscriber subscriber)
    {
        if (subscriber.Dropped == 0)
        {
            return;
        }

        subscriber.Ref.Tell(new EventsDropped { Gpio = (uint)Gpio, Dropped = (ulong)subscriber.Dropped, FirstDroppedSequence = (ulong)subscriber.FirstDropped }, Self);
        subscriber.ClearDropped();
    }

    /// <summary>Arms the subscriber's settle timer for the end of its debounce window.</summary>
    private void ScheduleSettle(Subscriber subscriber)
    {
        if (subscriber.SettlePending)
        {
            return;
        }

        subscriber.SettlePending = true;
        var due = subscriber.LevelSinceNanoseconds + subscriber.DebounceNanoseconds - Now;
        Timers.StartSingleTimer(subscriber, new DebounceSettled(subscriber.Ref), ClockTime.ToTimeSpanCeiling(Math.Max(0, due)));
    }

    /// <summary>A debounce window ended: if the pin settled at another level than the subscriber was told, tell it now.</summary>
    private void OnDebounceSettled(DebounceSettled settled)
    {
        var subscriber = Find(settled.Subscriber);
        if (subscriber is null)
        {
            return;
        }

        subscriber.SettlePending = false;
        var last = _line.LastEdge;
        if (last.Sequence > 0 && last.Level != subscriber.Level)
        {
            PinEdge? message = null;
            Deliver(subscriber, last, ref message);
        }
    }

    /// <summary>
    /// Fires the watchdogs that are due (no edge for their period: a PinWatchdog, repeated every
    /// period while the pin stays silent) and arms one timer for the next due watchdog. Edges do not
    /// re-arm it: when it fires early because an edge came, it simply re-arms from that edge.
    /// </summary>
    private void ArmWatchdog(bool fire)
    {
        var now = Now;
        var lastEdge = _line.LastEdge.Sequence > 0 ? _line.LastEdge.TimestampNanoseconds : long.MinValue;
        var next = long.MaxValue;
        foreach (var subscriber in _line.Subscribers)
        {
            if (subscriber.WatchdogNanoseconds == 0)
            {
                continue;
            }

            var due = Math.Max(lastEdge, subscriber.WatchdogBaseNanoseconds) + subscriber.WatchdogNanoseconds;
            if (fire && due <= now)
            {
                var silentFor = (now - Math.Max(lastEdge, subscriber.SubscribedAtNanoseconds)) / 1000;
                subscriber.Ref.Tell(
                    new PinWatchdog { Gpio = (uint)Gpio, SilentForUs = (uint)Math.Min(uint.MaxValue, silentFor), TimestampNs = now, Level = ReadLevelNow() },
                    Self);
                subscriber.WatchdogBaseNanoseconds = now;
                due = now + subscriber.WatchdogNanoseconds;
            }

            next = Math.Min(next, due);
        }

        if (next == long.MaxValue)
        {
            Timers.Cancel(WatchdogKey);
        }
        else
        {
            Timers.StartSingleTimer(WatchdogKey, WatchdogTick.Instance, ClockTime.ToTimeSpanCeiling(Math.Max(0, next - now)));
        }
    }

    /// <summary>The subscription of <paramref name="subscriber"/>, if any.</summary>
    private Subscriber? Find(IActorRef subscriber)
    {
        foreach (var s in _line.Subscribers)
        {
            if (s.Ref.Equals(subscriber))
            {
                return s;
            }
        }

        return null;
    }
}
