
namespace RemoteIo.Actors.Gpio.Tests.Contract;

/// <summary>Collects edge events and lets a test wait (with a timeout, never a sleep) until enough have arrived.</summary>
public sealed class RecordingEdgeListener : IGpioEdgeListener
{
    /// <summary>Guards the list; the monitor wakes waiters.</summary>
    private readonly object _gate = new();

    /// <summary>The events in arrival order.</summary>
    private readonly List<GpioEdgeEvent> _events = [];

    /// <summary>A snapshot of the events so far.</summary>
    public IReadOnlyList<GpioEdgeEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <inheritdoc />
    public void OnEdge(in GpioEdgeEvent edge)
    {
        lock (_gate)
        {
            _events.Add(edge);
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> events arrived, or fails naming what did arrive.</summary>
    /// <param name="count">How many events.</param>
    /// <param name="timeout">How long at most.</param>
    /// <returns>The events so far.</returns>
    public IReadOnlyList<GpioEdgeEvent> WaitFor(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        lock (_gate)
        {
            while (_events.Count < count)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException($"expected {count} edge event(s) within {timeout}, got {_events.Count}: {string.Join("; ", _events)}");
                }

                Monitor.Wait(_gate, left);
            }

            return [.. _events];
        }
    }
}
