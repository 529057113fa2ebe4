using RemoteIo.Actors.Kernel;

namespace RemoteIo.Bench.Kernel;

/// <summary>Counts received messages down to zero and then releases a waiter.</summary>
public sealed class Countdown
{
    /// <summary>Set when the count reaches zero.</summary>
    private readonly ManualResetEventSlim _done = new();

    /// <summary>Messages still expected; only the receiving actor decrements it.</summary>
    private int _remaining;

    /// <summary>Expects <paramref name="count"/> more messages.</summary>
    public void Reset(int count)
    {
        _done.Reset();
        Volatile.Write(ref _remaining, count);
    }

    /// <summary>Counts one message.</summary>
    public void Signal()
    {
        if (--_remaining == 0)
        {
            _done.Set();
        }
    }

    /// <summary>Waits until every expected message arrived.</summary>
    public void Wait()
    {
        if (!_done.Wait(TimeSpan.FromMinutes(1)))
        {
            throw new TimeoutException($"{Volatile.Read(ref _remaining)} messages did not arrive.");
        }
    }
}

/// <summary>Starts a burst: the sender tells <see cref="Count"/> messages.</summary>
/// <param name="Count">How many.</param>
public sealed record Burst(int Count);

/// <summary>Counts every message.</summary>
public sealed class CountingReceiver : ReceiveActor
{
    /// <summary>Counts into <paramref name="countdown"/>.</summary>
    public CountingReceiver(Countdown countdown) => ReceiveAny(_ => countdown.Signal());
}

/// <summary>On <see cref="Burst"/>, tells the same pre-allocated message to the receiver in a loop.</summary>
public sealed class BurstSender : ReceiveActor
{
    /// <summary>The message sent every time (so the Tell itself is what allocates, if anything).</summary>
    private static readonly object Payload = new();

    /// <summary>Sends bursts to <paramref name="receiver"/>.</summary>
    public BurstSender(IActorRef receiver) => Receive<Burst>(burst =>
    {
        for (var i = 0; i < burst.Count; i++)
        {
            receiver.Tell(Payload, Self);
        }
    });
}

/// <summary>Replies to every message with the same message.</summary>
public sealed class Ponger : ReceiveActor
{
    /// <summary>Echoes.</summary>
    public Ponger() => ReceiveAny(m => Sender.Tell(m, Self));
}

/// <summary>Plays ping-pong with a <see cref="Ponger"/>, recording each round trip's duration.</summary>
public sealed class Pinger : ReceiveActor
{
    /// <summary>The ball.</summary>
    private static readonly object Ball = new();

    /// <summary>Round-trip durations in <see cref="System.Diagnostics.Stopwatch"/> ticks (null: not recorded).</summary>
    private long[]? _samples;

    /// <summary>Round trips left in this rally.</summary>
    private int _left;

    /// <summary>Timestamp of the last send.</summary>
    private long _sentAt;

    /// <summary>Plays against <paramref name="ponger"/>, signalling <paramref name="done"/> after each rally.</summary>
    public Pinger(IActorRef ponger, ManualResetEventSlim done)
    {
        Receive<Rally>(rally =>
        {
            _samples = rally.Samples;
            _left = rally.RoundTrips;
            _sentAt = System.Diagnostics.Stopwatch.GetTimestamp();
            ponger.Tell(Ball, Self);
        });
        ReceiveAny(_ =>
        {
            var now = System.Diagnostics.Stopwatch.GetTimestamp();
            if (_samples is not null)
            {
                _samples[_samples.Length - _left] = now - _sentAt;
            }

            if (--_left == 0)
            {
                done.Set();
                return;
            }

            _sentAt = now;
            ponger.Tell(Ball, Self);
        });
    }
}

/// <summary>Starts a rally of <paramref name="RoundTrips"/> round trips, optionally recording each into <paramref name="Samples"/>.</summary>
/// <param name="RoundTrips">How many round trips.</param>
/// <param name="Samples">Where to record them (length <paramref name="RoundTrips"/>), or null.</param>
public sealed record Rally(int RoundTrips, long[]? Samples);
