using System.Diagnostics;
using RemoteIo.TestKit;

namespace RemoteIo.Compatibility.Tests.Support;

/// <summary>
/// Keeps a host's virtual clock in step with real time, so real client processes (which sleep in
/// real time) can drive it: every millisecond the clock is advanced to the real time elapsed. Each
/// timer fires with the clock standing exactly at its due time and the host settles before the clock
/// moves on, so every edge the host times itself lands in the transition log exactly on time however
/// late the pump runs on a loaded machine; only what the clients time (their sleeps) is approximate.
/// A test can also <see cref="Stop"/> the pump while a client runs, so the client's own round trips
/// take no host time at all.
/// </summary>
public sealed class ClockPump : IAsyncDisposable
{
    private readonly ManualTimeProvider _clock;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <summary>Guards <see cref="_stopped"/> and <see cref="_start"/>; held while the pump moves the clock.</summary>
    private readonly Lock _gate = new();

    /// <summary>How many <see cref="Stop"/> calls are not yet disposed.</summary>
    private int _stopped;

    /// <summary>The <see cref="Stopwatch"/> timestamp at which the virtual clock stood at zero, in step with real time.</summary>
    private long _start;

    public ClockPump(ManualTimeProvider clock)
    {
        _clock = clock;
        _start = RealTimeAtClockZero();
        _loop = Task.Run(RunAsync);
    }

    /// <summary>
    /// Stops the pump until the returned handle is disposed: the clock then moves only when the test
    /// advances it, and afterwards follows real time again from where it stands (no jump).
    /// </summary>
    public IDisposable Stop()
    {
        lock (_gate)
        {
            _stopped++;
        }

        return new Restart(this);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private long RealTimeAtClockZero() => Stopwatch.GetTimestamp() - (_clock.Elapsed.Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond);

    private void Resume()
    {
        lock (_gate)
        {
            if (--_stopped == 0)
            {
                _start = RealTimeAtClockZero();
            }
        }
    }

    private async Task RunAsync()
    {
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(1));
        try
        {
            while (await tick.WaitForNextTickAsync(_stop.Token))
            {
                lock (_gate)
                {
                    var target = Stopwatch.GetElapsedTime(_start);
                    if (_stopped == 0 && target > _clock.Elapsed)
                    {
                        _clock.AdvanceTo(target);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }

    private sealed class Restart(ClockPump pump) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                pump.Resume();
            }
        }
    }
}
