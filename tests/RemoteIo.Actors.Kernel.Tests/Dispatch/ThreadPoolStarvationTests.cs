using System.Collections.Concurrent;
using RemoteIo.Actors.Configuration;
using Xunit;

namespace RemoteIo.Actors.Kernel.Tests.Dispatch;

/// <summary>Blocks the whole .NET thread pool, so it must not run in parallel with other tests.</summary>
[CollectionDefinition(nameof(ThreadPoolStarvationCollection), DisableParallelization = true)]
public sealed class ThreadPoolStarvationCollection
{
}

[Collection(nameof(ThreadPoolStarvationCollection))]
public sealed class ThreadPoolStarvationTests
{
    [Fact]
    public void TimingDispatcher_EveryThreadPoolThreadBlocked_ActorKeepsRunning()
    {
        using var system = ActorSystem.Create("starved", ConfigurationFactory.ParseString("remoteio.actor.stdout-loglevel = off"));
        var records = new BlockingCollection<(bool PoolThread, bool CanaryRan)>();
        var canaryRan = 0;
        var actor = system.ActorOf(Props.Create(() => new Recorder(records, () => Volatile.Read(ref canaryRan) != 0)).WithDispatcher("remoteio.timing-dispatcher"));
        actor.Tell("warm up", null);
        Assert.True(records.TryTake(out _, TimeSpan.FromSeconds(5)), "the actor did not start");

        var gate = new ManualResetEventSlim();
        var started = 0;
        var finished = 0;
        var blockers = 0;
        ThreadPool.GetMinThreads(out var minWorkers, out _);
        ThreadPool.GetMaxThreads(out var maxWorkers, out var maxIo);

        // Cap the pool so it cannot inject threads to get past the blockers (restored below).
        Assert.True(ThreadPool.SetMaxThreads(minWorkers, maxIo), "could not cap the thread pool");
        try
        {
            blockers = ThreadPool.ThreadCount + minWorkers + 8;
            for (var i = 0; i < blockers; i++)
            {
                ThreadPool.UnsafeQueueUserWorkItem(
                    _ =>
                    {
                        Interlocked.Increment(ref started);
                        gate.Wait(TimeSpan.FromSeconds(30));
                        Interlocked.Increment(ref finished);
                    },
                    null);
            }

            Assert.True(
                SpinWait.SpinUntil(() => ThreadPool.PendingWorkItemCount > 0, TimeSpan.FromSeconds(10)),
                $"the thread pool could not be saturated: {Volatile.Read(ref started)} of {blockers} blockers running on {ThreadPool.ThreadCount} threads");

            // Work items are waiting and no thread takes them: every pool thread is busy. A canary
            // queued now proves it stays so: it must not run while the actor works.
            ThreadPool.UnsafeQueueUserWorkItem(_ => Volatile.Write(ref canaryRan, 1), null);
            for (var i = 0; i < 100; i++)
            {
                actor.Tell(i, null);
                Assert.True(records.TryTake(out var record, TimeSpan.FromSeconds(5)), $"message {i} was not processed while the pool was blocked");
                Assert.False(record.PoolThread);
                Assert.False(record.CanaryRan, "a pool thread became free while the actor ran: the test did not block the pool");
            }
        }
        finally
        {
            gate.Set();
            ThreadPool.SetMaxThreads(maxWorkers, maxIo);

            // Every blocker must have left the gate before it is disposed (no leak, no disposed-handle crash).
            Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref finished) == blockers, TimeSpan.FromSeconds(30)), "blockers still running");
            gate.Dispose();
        }
    }

    private sealed class Recorder : ReceiveActor
    {
        public Recorder(BlockingCollection<(bool, bool)> records, Func<bool> canaryRan) =>
            ReceiveAny(_ => records.Add((Thread.CurrentThread.IsThreadPoolThread, canaryRan())));
    }
}
