using System.Collections.Concurrent;
using RemoteIo.Actors.Kernel.Event;
using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Kernel.Tests;

public sealed class CoordinatedShutdownTests : ActorTestKit
{
    [Fact]
    public async Task Run_TasksInSeveralPhases_RunInPhaseOrderThenSystemTerminates()
    {
        var order = new ConcurrentQueue<string>();
        var shutdown = CoordinatedShutdown.Get(Sys);
        foreach (var phase in CoordinatedShutdown.OrderedPhases.Reverse())
        {
            shutdown.AddTask(phase, "record " + phase, () =>
            {
                order.Enqueue(phase);
                return Task.CompletedTask;
            });
        }

        await shutdown.Run(ShutdownReason.Unknown).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(CoordinatedShutdown.OrderedPhases, order);
        Assert.True(Sys.WhenTerminated.IsCompleted);
        Assert.Same(ShutdownReason.Unknown, shutdown.Reason);
    }

    [Fact]
    public async Task Run_CalledTwice_RunsOnce()
    {
        var runs = 0;
        var shutdown = CoordinatedShutdown.Get(Sys);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "count", () =>
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        });

        var first = shutdown.Run(ShutdownReason.Unknown);
        var second = shutdown.Run(ShutdownReason.ProcessExit);
        await first.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Same(first, second);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task Run_TaskHangs_PhaseTimesOutOnTheSystemClockAndNextPhasesRun()
    {
        var warnings = CreateTestProbe();
        Sys.EventStream.Subscribe(warnings, typeof(Warning));
        var later = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var shutdown = CoordinatedShutdown.Get(Sys);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "drain forever", () => new TaskCompletionSource().Task);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "safe state", () =>
        {
            later.TrySetResult();
            return Task.CompletedTask;
        });

        var run = shutdown.Run(ShutdownReason.Unknown);
        AwaitCondition(() => Clock.PendingTimerCount > 0);
        Assert.False(later.Task.IsCompleted);
        Advance(TimeSpan.FromSeconds(5));

        await later.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("[service-requests-done] timed out", warnings.ExpectMsg<Warning>().Message, StringComparison.Ordinal);
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Run_TaskThrows_LoggedAndShutdownContinues()
    {
        var warnings = CreateTestProbe();
        Sys.EventStream.Subscribe(warnings, typeof(Warning));
        var shutdown = CoordinatedShutdown.Get(Sys);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "unbind", () => throw new InvalidOperationException("socket gone"));

        await shutdown.Run(ShutdownReason.Unknown).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains("socket gone", warnings.ExpectMsg<Warning>().Message, StringComparison.Ordinal);
        Assert.True(Sys.WhenTerminated.IsCompleted);
    }

    [Fact]
    public async Task Terminate_AfterCoordinatedShutdownWasUsed_RunsItsPhases()
    {
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        CoordinatedShutdown.Get(Sys).AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "mark", () =>
        {
            ran.TrySetResult();
            return Task.CompletedTask;
        });

        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(ran.Task.IsCompleted);
    }

    [Fact]
    public void AddTask_UnknownPhase_ArgumentExceptionListsPhases()
    {
        var e = Assert.Throws<ArgumentException>(() => CoordinatedShutdown.Get(Sys).AddTask("service-unbnd", "x", () => Task.CompletedTask));

        Assert.Contains("[service-unbnd]", e.Message, StringComparison.Ordinal);
        Assert.Contains("service-unbind", e.Message, StringComparison.Ordinal);
    }
}
