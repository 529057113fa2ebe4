using RemoteIo.Actors.Gpio.Timing;
using Xunit;

namespace RemoteIo.Actors.Gpio.Tests.Timing;

/// <summary>The ordered hand-off of waveform ends: one deliverer at a time, nothing dropped, a failing listener contained.</summary>
public sealed class WaveformEndOutboxTests
{
    /// <summary>The engine lock the outbox is used under.</summary>
    private readonly Lock _gate = new();

    [Fact]
    public void Deliver_EndsAddedWhileAnotherThreadDelivers_LeftToItAndReportedInOrderBeyondTheCapacity()
    {
        var listener = new RecordingWaveformListener();
        var outbox = new WaveformEndOutbox(listener, capacity: 4);
        bool first;
        bool second;
        lock (_gate)
        {
            outbox.Add(1, 1, 10, WaveformEndReason.Completed);
            first = outbox.TryBeginDelivery();

            // Another producer while the first is the deliverer: more than the capacity, none dropped.
            for (var token = 2L; token <= 40; token++)
            {
                outbox.Add(1, token, 10 * token, WaveformEndReason.Completed);
            }

            second = outbox.TryBeginDelivery();
        }

        outbox.Deliver(_gate);

        Assert.Equal((true, false), (first, second));
        Assert.Equal(Enumerable.Range(1, 40).Select(t => (long)t), listener.Ended.Select(e => e.Token));
        lock (_gate)
        {
            Assert.False(outbox.TryBeginDelivery());
        }
    }

    [Fact]
    public void Deliver_ListenerThrows_LoggedAndTheNextEndsStillReported()
    {
        var log = new List<string>();
        var listener = new ThrowingOnceListener();
        var outbox = new WaveformEndOutbox(listener, capacity: 2, log.Add);
        lock (_gate)
        {
            outbox.Add(3, 7, 100, WaveformEndReason.Interrupted);
            outbox.Add(3, 8, 100, WaveformEndReason.Superseded);
            Assert.True(outbox.TryBeginDelivery());
        }

        outbox.Deliver(_gate);

        Assert.Equal([8L], listener.Delivered);
        Assert.Equal(["waveform listener failed for line 3 (token 7, Interrupted): listener bug"], log);
    }

    /// <summary>Throws on its first call, records the rest.</summary>
    private sealed class ThrowingOnceListener : IWaveformListener
    {
        /// <summary>Tokens of the calls after the first.</summary>
        public List<long> Delivered { get; } = [];

        /// <summary>True after the first call.</summary>
        private bool _failed;

        public void OnWaveformEnded(int line, long token, long endNanoseconds, WaveformEndReason reason)
        {
            if (!_failed)
            {
                _failed = true;
                throw new InvalidOperationException("listener bug");
            }

            Delivered.Add(token);
        }
    }
}
