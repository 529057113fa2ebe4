using RemoteIo.Actors.Protocol.Remoting;
using RemoteIo.Actors.Remote.Links;
using RemoteIo.Actors.Remote.Tests.Messages;
using RemoteIo.Actors.Remote.Tests.Support;
using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Remote.Tests.Links;

/// <summary>The bounded outbound queue: explicit outcomes when full, order, control frames outside the bound.</summary>
public sealed class OutboundQueueTests
{
    [Fact]
    public void TryEnqueue_Full_ReportsFullAndKeepsWhatIsQueued()
    {
        var queue = new OutboundQueue(2);

        Assert.Equal(EnqueueResult.Enqueued, queue.TryEnqueue(Ping(1)));
        Assert.Equal(EnqueueResult.Enqueued, queue.TryEnqueue(Ping(2)));
        Assert.Equal(EnqueueResult.Full, queue.TryEnqueue(Ping(3)));

        Assert.Equal(2, queue.Count);
        Assert.Equal([1ul, 2ul], Drain(queue));
    }

    [Fact]
    public void ControlFrames_QueueFull_StillAcceptedAndKeptInOrder()
    {
        var queue = new OutboundQueue(1);
        queue.TryEnqueue(Ping(1));

        Assert.True(queue.TryEnqueueControl(new OutboundItem(new Frame { Heartbeat = new Heartbeat { Sequence = 1 } })));

        Assert.True(queue.TryDequeue(out var first));
        Assert.False(first.IsControl);
        Assert.True(queue.TryDequeue(out var second));
        Assert.True(second.IsControl);
    }

    [Fact]
    public async Task Enqueue_BlockingWhileFull_ProceedsWhenTheWriterMakesRoom()
    {
        var queue = new OutboundQueue(1);
        queue.TryEnqueue(Ping(1));
        using var started = new ManualResetEventSlim();

        var sender = Task.Factory.StartNew(
            () =>
            {
                started.Set();
                return queue.Enqueue(Ping(2), PipeTestExtensions.Guard);
            },
            TaskCreationOptions.LongRunning);
        started.Wait();
        Assert.True(queue.TryDequeue(out _));

        Assert.Equal(EnqueueResult.Enqueued, await sender.WaitAsync(PipeTestExtensions.Guard));
        Assert.Equal([2ul], Drain(queue));
    }

    [Fact]
    public void Enqueue_BlockingNoRoomWithinTimeout_ReportsFull()
    {
        var queue = new OutboundQueue(1);
        queue.TryEnqueue(Ping(1));

        Assert.Equal(EnqueueResult.Full, queue.Enqueue(Ping(2), TimeSpan.FromMilliseconds(20)));
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public async Task EnqueueAsync_FullUntilTimeoutOnVirtualClock_ReportsFullExactlyAtTheTimeout()
    {
        var clock = new ManualTimeProvider();
        var queue = new OutboundQueue(1);
        queue.TryEnqueue(Ping(1));

        var sending = queue.EnqueueAsync(Ping(2), TimeSpan.FromSeconds(5), clock, CancellationToken.None).AsTask();
        await Eventually.TrueAsync(() => clock.PendingTimerCount > 0, "the sender waiting on the clock");
        clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(sending.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Equal(EnqueueResult.Full, await sending.WaitAsync(PipeTestExtensions.Guard));
    }

    [Fact]
    public void Complete_ThenSend_ReportsClosedAndWhatWasQueuedCanBeDrained()
    {
        var queue = new OutboundQueue(4);
        queue.TryEnqueue(Ping(1));

        queue.Complete();

        Assert.Equal(EnqueueResult.Closed, queue.TryEnqueue(Ping(2)));
        Assert.Equal([1ul], Drain(queue));
    }

    /// <summary>A queued ping.</summary>
    private static OutboundItem Ping(ulong number) => TestNode.Item(new Ping { Number = number });

    /// <summary>The numbers of the pings left in the queue, in order.</summary>
    private static List<ulong> Drain(OutboundQueue queue)
    {
        var numbers = new List<ulong>();
        while (queue.TryDequeue(out var item))
        {
            numbers.Add(((Ping)item.Message).Number);
        }

        return numbers;
    }
}
