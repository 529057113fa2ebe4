using System.Diagnostics;
using RemoteIo.TestKit;

namespace RemoteIo.Compatibility.Tests.Support;

/// <summary>
/// Keeps a host's virtual clock in step with real time, so real client processes (which sleep in
/// real time) can drive it: every millisecond the clock is advanced to the real time elapsed. Each
/// timer fires with the clock standing exactly at its due time and the host settles before the clock
/// moves on, so every edge the host times itself lands in the transition log exactly on time however
/// late the pump runs on a loaded machine; only what the clients time (their sleeps) is approximate.
/// </summary>
public sealed class ClockPump : IAsyncDisposable
{
    private readonly ManualTimeProvider _clock;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ClockPump(ManualTimeProvider clock)
    {
        _clock = clock;
        _loop = Task.Run(RunAsync);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(1));
        var start = Stopwatch.GetTimestamp() - (_clock.Elapsed.Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond);
        try
        {
            while (await tick.WaitForNextTickAsync(_stop.Token))
            {
                var target = Stopwatch.GetElapsedTime(start);
                if (target > _clock.Elapsed)
                {
                    _clock.AdvanceTo(target);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }
}
