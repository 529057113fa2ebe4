using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Kernel.Tests.TestKit;

public sealed class ManualTimeProviderTests
{
    [Fact]
    public void Advance_TimersDueAtSameInstant_FireInSchedulingOrder()
    {
        var clock = new ManualTimeProvider();
        var fired = new List<string>();
        using var b = clock.CreateTimer(_ => fired.Add("b"), null, TimeSpan.FromMilliseconds(10), Timeout.InfiniteTimeSpan);
        using var a = clock.CreateTimer(_ => fired.Add("a"), null, TimeSpan.FromMilliseconds(10), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => fired.Add("early"), null, TimeSpan.FromMilliseconds(5), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromMilliseconds(10));

        Assert.Equal(["early", "b", "a"], fired);
    }

    [Fact]
    public void Advance_CallbackRuns_ClockStandsAtItsDueTime()
    {
        var clock = new ManualTimeProvider();
        var seen = new List<long>();
        using var timer = clock.CreateTimer(_ => seen.Add(clock.GetTimestamp()), null, TimeSpan.FromMilliseconds(3), TimeSpan.FromMilliseconds(4));

        clock.Advance(TimeSpan.FromMilliseconds(12));

        Assert.Equal([3_000_000L, 7_000_000L, 11_000_000L], seen);
        Assert.Equal(12_000_000L, clock.GetTimestamp());
    }

    [Fact]
    public void Advance_CallbackSchedulesTimerInsideWindow_NewTimerFiresInSameAdvance()
    {
        var clock = new ManualTimeProvider();
        var seen = new List<long>();
        ITimer? second = null;
        using var first = clock.CreateTimer(
            _ => second = clock.CreateTimer(_ => seen.Add(clock.GetTimestamp()), null, TimeSpan.FromMilliseconds(2), Timeout.InfiniteTimeSpan),
            null,
            TimeSpan.FromMilliseconds(1),
            Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromMilliseconds(5));

        Assert.Equal([3_000_000L], seen);
        second?.Dispose();
    }

    [Fact]
    public void Change_BeforeDue_OldScheduleDropped()
    {
        var clock = new ManualTimeProvider();
        var count = 0;
        using var timer = clock.CreateTimer(_ => count++, null, TimeSpan.FromMilliseconds(5), Timeout.InfiniteTimeSpan);

        timer.Change(TimeSpan.FromMilliseconds(20), Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromMilliseconds(10));
        Assert.Equal(0, count);

        clock.Advance(TimeSpan.FromMilliseconds(10));
        Assert.Equal(1, count);
    }

    [Fact]
    public void Dispose_PeriodicTimer_NeverFiresAgain()
    {
        var clock = new ManualTimeProvider();
        var count = 0;
        var timer = clock.CreateTimer(_ => count++, null, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1));
        clock.Advance(TimeSpan.FromMilliseconds(3));

        timer.Dispose();
        clock.Advance(TimeSpan.FromMilliseconds(10));

        Assert.Equal(3, count);
        Assert.Equal(0, clock.PendingTimerCount);
    }

    [Fact]
    public void PendingTimersDueWithin_LongAndShortTimers_CountsOnlyThoseDueInTheWindow()
    {
        var clock = new ManualTimeProvider();
        using var heartbeat = clock.CreateTimer(_ => { }, null, TimeSpan.FromMinutes(10), Timeout.InfiniteTimeSpan);
        Assert.Equal(0, clock.PendingTimersDueWithin(TimeSpan.FromSeconds(1)));

        using var backoff = clock.CreateTimer(_ => { }, null, TimeSpan.FromMilliseconds(100), Timeout.InfiniteTimeSpan);
        Assert.Equal(1, clock.PendingTimersDueWithin(TimeSpan.FromSeconds(1)));
        Assert.Equal(1, clock.PendingTimersDueWithin(TimeSpan.FromMilliseconds(100)));
        Assert.Equal(2, clock.PendingTimersDueWithin(TimeSpan.FromMinutes(10)));

        backoff.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Assert.Equal(0, clock.PendingTimersDueWithin(TimeSpan.FromSeconds(1)));
        clock.Advance(TimeSpan.FromMinutes(9.5));
        Assert.Equal(1, clock.PendingTimersDueWithin(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Advance_WithSettler_SettlerRunsBeforeAndAfterEachCallback()
    {
        var clock = new ManualTimeProvider();
        var events = new List<string>();
        clock.AddSettler(() => events.Add($"settle@{clock.Elapsed.TotalMilliseconds}"));
        using var timer = clock.CreateTimer(_ => events.Add($"fire@{clock.Elapsed.TotalMilliseconds}"), null, TimeSpan.FromMilliseconds(2), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromMilliseconds(5));

        Assert.Equal(["settle@0", "fire@2", "settle@2"], events);
    }

    [Fact]
    public void Advance_FromInsideCallback_Throws()
    {
        var clock = new ManualTimeProvider();
        Exception? caught = null;
        using var timer = clock.CreateTimer(
            _ =>
            {
                try
                {
                    clock.Advance(TimeSpan.FromMilliseconds(1));
                }
                catch (InvalidOperationException e)
                {
                    caught = e;
                }
            },
            null,
            TimeSpan.Zero,
            Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.Zero);

        Assert.NotNull(caught);
    }

    [Fact]
    public async Task Delay_OnManualClock_CompletesOnlyWhenAdvanced()
    {
        var clock = new ManualTimeProvider();
        var delay = Task.Delay(TimeSpan.FromSeconds(1), clock);

        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(delay.IsCompleted);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        await delay.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(delay.IsCompletedSuccessfully);
    }
}
