using RemoteIo.Actors.Kernel.Event;
using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Kernel.Tests;

public sealed class ActorRefTests : ActorTestKit
{
    [Fact]
    public async Task Tell_100000FromOneSender_ArriveInOrder()
    {
        const int count = 100_000;
        var done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = ActorOf(Props.Create(() => new SequenceChecker(count, done)));

        for (var i = 0; i < count; i++)
        {
            actor.Tell(i, null);
        }

        Assert.Equal(-1, await done.Task.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public void Tell_ManyConcurrentSenders_ActorNeverRunsOnTwoThreadsAtOnce()
    {
        const int senders = 8;
        const int perSender = 20_000;
        var detector = new ReentrancyDetector();
        var actor = ActorOf(Props.Create(() => new ReentrancyActor(detector, senders * perSender)));

        var threads = Enumerable.Range(0, senders)
            .Select(_ => new Thread(() =>
            {
                for (var i = 0; i < perSender; i++)
                {
                    actor.Tell(i, null);
                }
            }))
            .ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.True(detector.AllReceived.Wait(TimeSpan.FromSeconds(20)), $"only {detector.Received} of {senders * perSender} arrived");
        Assert.Equal(0, detector.Overlaps);
        Assert.Equal(senders * perSender, detector.Received);
    }

    [Fact]
    public void Tell_ToStoppedActor_PublishesDeadLetterWithRecipient()
    {
        var actor = ActorOf(Props.Create<EchoActor>(), "gone");
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
        var letters = CreateTestProbe();
        Sys.EventStream.Subscribe(letters, typeof(DeadLetter));

        actor.Tell("late", TestActor);

        var letter = letters.ExpectMsg<DeadLetter>();
        Assert.Equal("late", letter.Message);
        Assert.Equal(actor, letter.Recipient);
        Assert.Equal(TestActor, letter.Sender);
    }

    [Fact]
    public void Equals_SamePathDifferentUid_NotEqual()
    {
        var first = ActorOf(Props.Create<EchoActor>(), "a");
        Watch(first);
        Sys.Stop(first);
        ExpectTerminated(first);

        var second = ActorOf(Props.Create<EchoActor>(), "a");

        Assert.Equal(first.Path, second.Path);
        Assert.NotEqual(first, second);
        Assert.Equal(second, Sys.ResolveActorRef(second.Path));
    }

    private sealed class SequenceChecker : ReceiveActor
    {
        private int _expected;

        public SequenceChecker(int count, TaskCompletionSource<int> done)
        {
            Receive<int>(i =>
            {
                if (i != _expected)
                {
                    done.TrySetResult(i);
                    return;
                }

                if (++_expected == count)
                {
                    done.TrySetResult(-1);
                }
            });
        }
    }

    private sealed class ReentrancyDetector
    {
        private int _inside;
        private int _overlaps;
        private int _received;

        public ManualResetEventSlim AllReceived { get; } = new();

        public int Overlaps => Volatile.Read(ref _overlaps);

        public int Received => Volatile.Read(ref _received);

        public void Enter()
        {
            if (Interlocked.Increment(ref _inside) != 1)
            {
                Interlocked.Increment(ref _overlaps);
            }
        }

        public void Exit(int total)
        {
            Interlocked.Decrement(ref _inside);
            if (Interlocked.Increment(ref _received) == total)
            {
                AllReceived.Set();
            }
        }
    }

    private sealed class ReentrancyActor : ReceiveActor
    {
        public ReentrancyActor(ReentrancyDetector detector, int total)
        {
            Receive<int>(_ =>
            {
                detector.Enter();
                Thread.SpinWait(20);
                detector.Exit(total);
            });
        }
    }
}
