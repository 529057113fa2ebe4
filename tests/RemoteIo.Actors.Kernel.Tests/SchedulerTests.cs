using RemoteIo.Actors.Kernel.Event;
using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Kernel.Tests;

public sealed class SchedulerTests : ActorTestKit
{
    [Fact]
    public void ScheduleTellOnce_VirtualClock_DeliveredAtTheDelay()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(300), TestActor, "once", null);

        Advance(TimeSpan.FromMilliseconds(299));
        ExpectNoMsg();
        Advance(TimeSpan.FromMilliseconds(1));

        ExpectMsg("once");
        Assert.Equal(0, Clock.PendingTimerCount);
    }

    [Fact]
    public void ScheduleTellRepeatedly_FixedRate_UntilCancelled()
    {
        var times = new List<TimeSpan>();
        var cancelable = Sys.Scheduler.ScheduleRepeatedly(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(10), () => times.Add(Clock.Elapsed));

        Advance(TimeSpan.FromMilliseconds(40));
        cancelable.Cancel();
        Advance(TimeSpan.FromMilliseconds(40));

        Assert.Equal([5, 15, 25, 35], times.Select(t => t.TotalMilliseconds));
        Assert.True(cancelable.IsCancellationRequested);
    }

    [Fact]
    public void ScheduleOnce_ActionThrows_ErrorLoggedAndSchedulerKeepsWorking()
    {
        var errors = CreateTestProbe();
        Sys.EventStream.Subscribe(errors, typeof(Error));
        Sys.Scheduler.ScheduleOnce(TimeSpan.FromMilliseconds(1), () => throw new InvalidOperationException("bad action"));
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(2), TestActor, "still working", null);

        Advance(TimeSpan.FromMilliseconds(2));

        Assert.Equal("bad action", errors.ExpectMsg<Error>().Cause!.Message);
        ExpectMsg("still working");
    }

    [Fact]
    public async Task Terminate_PendingSchedules_Cancelled()
    {
        Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TestActor, "tick", null);
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(5), TestActor, "late", null);
        Assert.Equal(2, Clock.PendingTimerCount);

        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, Clock.PendingTimerCount);
    }
}
