using RemoteIo.Actors.Gpio.Timing;

namespace RemoteIo.Actors.Gpio.Tests.Timing;

/// <summary>Records waveform ends; lets a real-clock test wait for one with a timeout.</summary>
public sealed class RecordingWaveformListener : IWaveformListener
{
    /// <summary>Guards the list; the monitor wakes waiters.</summary>
    private readonly object _gate = new();

    /// <summary>Ends in order.</summary>
    private readonly List<(int Line, long Token, long End, WaveformEndReason Reason)> _ended = [];

    /// <summary>A snapshot of the ends so far.</summary>
    public IReadOnlyList<(int Line, long Token, long End, WaveformEndReason Reason)> Ended
    {
        get
        {
            lock (_gate)
            {
                return [.. _ended];
            }
        }
    }

    /// <inheritdoc />
    public void OnWaveformEnded(int line, long token, long endNanoseconds, WaveformEndReason reason)
    {
        lock (_gate)
        {
            _ended.Add((line, token, endNanoseconds, reason));
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Forgets the ends recorded so far (after a warm-up, say).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _ended.Clear();
        }
    }

    /// <summary>Waits until <paramref name="count"/> ends were reported.</summary>
    /// <param name="count">How many.</param>
    /// <param name="timeout">How long at most.</param>
    /// <returns>The ends.</returns>
    public IReadOnlyList<(int Line, long Token, long End, WaveformEndReason Reason)> WaitFor(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        lock (_gate)
        {
            while (_ended.Count < count)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException($"expected {count} waveform end(s) within {timeout}, got {_ended.Count}");
                }

                Monitor.Wait(_gate, left);
            }

            return [.. _ended];
        }
    }
}
