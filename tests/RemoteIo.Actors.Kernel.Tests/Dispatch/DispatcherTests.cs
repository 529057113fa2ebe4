using System.Collections.Concurrent;
using RemoteIo.Actors.Configuration;
using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Kernel.Tests.Dispatch;

public sealed class DispatcherTests : ActorTestKit
{
    private static readonly Config SingleThread = ConfigurationFactory.ParseString("""
        one-thread {
          type = ForkJoinDispatcher
          throughput = 3
          dedicated-thread-pool.thread-count = 1
        }
        """);

    public DispatcherTests()
        : base(SingleThread)
    {
    }

    [Fact]
    public void Throughput_TwoBusyActorsOnOneThread_TakeTurnsOfThroughputMessages()
    {
        var order = new ConcurrentQueue<string>();
        using var gate = new ManualResetEventSlim();
        using var entered = new ManualResetEventSlim();
        var blocker = ActorOf(Props.Create(() => new Blocker(entered, gate)).WithDispatcher("one-thread"));
        var a = ActorOf(Props.Create(() => new Recorder("A", order)).WithDispatcher("one-thread"));
        var b = ActorOf(Props.Create(() => new Recorder("B", order)).WithDispatcher("one-thread"));
        blocker.Tell("block", TestActor);
        Assert.True(entered.Wait(TimeSpan.FromSeconds(5)));

        for (var i = 0; i < 7; i++)
        {
            a.Tell(i, TestActor);
        }

        for (var i = 0; i < 7; i++)
        {
            b.Tell(i, TestActor);
        }

        gate.Set();
        Settle();

        Assert.Equal("AAABBBAAABBBAB", string.Concat(order));
    }

    [Fact]
    public void SystemMessages_QueuedBehindUserMessages_ProcessedFirst()
    {
        using var gate = new ManualResetEventSlim();
        using var entered = new ManualResetEventSlim();
        var order = new ConcurrentQueue<string>();
        var blocker = ActorOf(Props.Create(() => new Blocker(entered, gate)).WithDispatcher("one-thread"));
        var target = Watch(ActorOf(Props.Create(() => new Recorder("T", order)).WithDispatcher("one-thread")));
        target.Tell(0, TestActor);
        Settle();
        blocker.Tell("block", TestActor);
        Assert.True(entered.Wait(TimeSpan.FromSeconds(5)));

        target.TellAll(TestActor, 1, 2, 3);
        Sys.Stop(target);
        gate.Set();

        ExpectTerminated(target);
        Assert.Equal("T", string.Concat(order));
    }

    [Fact]
    public void ForkJoinDispatcher_RunsOnItsOwnNamedThreads()
    {
        var actor = ActorOf(Props.Create<ThreadReporter>().WithDispatcher("one-thread"));

        actor.Tell("which thread?", TestActor);

        var (name, pooled) = ExpectMsg<(string?, bool)>();
        Assert.Equal($"{Sys.Name}-one-thread-1", name);
        Assert.False(pooled);
    }

    [Fact]
    public void ForkJoinDispatcher_TellToAnActorOfTheSameDispatcherInsideATurn_RunsOnThatThreadAfterTheTurn()
    {
        using var kit = new ActorTestKit(TwoThreads);
        var next = kit.ActorOf(Props.Create<ThreadReporter>().WithDispatcher("two-threads"));
        var first = kit.ActorOf(Props.Create(() => new HandOver([next], TimeSpan.FromMilliseconds(30))).WithDispatcher("two-threads"));

        // The first round may find the second thread still awake from creating the actors; after
        // it, one thread serves each round while the other sleeps.
        for (var round = 0; round < 4; round++)
        {
            first.Tell("go", kit.TestActor);
            var replies = kit.ReceiveN(2);
            if (round == 0)
            {
                continue;
            }

            // Waking the sleeping thread would have run the reporter during the 30 ms turn, on the other thread.
            var turn = Assert.IsType<string>(replies[0]);
            var (nextThread, _) = Assert.IsType<(string?, bool)>(replies[1]);
            Assert.Equal(turn, nextThread);
        }
    }

    [Fact]
    public void ForkJoinDispatcher_TwoHandOversInsideATurn_TheBacklogWakesTheSecondThread()
    {
        using var kit = new ActorTestKit(TwoThreads);
        var b = kit.ActorOf(Props.Create<ThreadReporter>().WithDispatcher("two-threads"));
        var c = kit.ActorOf(Props.Create<ThreadReporter>().WithDispatcher("two-threads"));
        var first = kit.ActorOf(Props.Create(() => new HandOver([b, c], TimeSpan.FromMilliseconds(500))).WithDispatcher("two-threads"));

        first.Tell("go", kit.TestActor);
        var replies = kit.ReceiveN(3);

        // The other thread serves at least one of them during the long turn: a backlog is not left waiting.
        var turn = Assert.Single(replies.OfType<string>());
        var (during, _) = Assert.IsType<(string?, bool)>(replies[0]);
        Assert.NotEqual(turn, during);
    }

    [Fact]
    public void ActorOf_UnknownDispatcher_ArgumentExceptionNamesIt()
    {
        var e = Assert.Throws<ArgumentException>(() => ActorOf(Props.Create<EchoActor>().WithDispatcher("no-such-dispatcher")));

        Assert.Contains("[no-such-dispatcher]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ActorOf_InvalidDispatcherSection_ConfigurationExceptionNamesPath()
    {
        using var kit = new ActorTestKit(ConfigurationFactory.ParseString("broken { type = ForkJoinDispatcher, dedicated-thread-pool.thread-count = 0 }"));

        var e = Assert.Throws<ConfigurationException>(() => kit.ActorOf(Props.Create<EchoActor>().WithDispatcher("broken")));

        Assert.StartsWith("broken.dedicated-thread-pool.thread-count: must be at least 1, got 0", e.Message, StringComparison.Ordinal);
    }

    private static readonly Config TwoThreads = ConfigurationFactory.ParseString("""
        two-threads {
          type = ForkJoinDispatcher
          dedicated-thread-pool.thread-count = 2
        }
        """);

    /// <summary>On any message: tells each target, stays busy for a while, then tells the sender its thread's name.</summary>
    private sealed class HandOver : ReceiveActor
    {
        public HandOver(IActorRef[] targets, TimeSpan busy) => ReceiveAny(_ =>
        {
            foreach (var target in targets)
            {
                target.Tell("which thread?", Sender);
            }

            // A long turn (work, not a wait for something): the spin keeps this thread running.
            var until = System.Diagnostics.Stopwatch.GetTimestamp() + (long)(busy.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
            while (System.Diagnostics.Stopwatch.GetTimestamp() < until)
            {
                Thread.SpinWait(100);
            }

            Sender.Tell(Thread.CurrentThread.Name ?? "?", Self);
        });
    }

    private sealed class Recorder : ReceiveActor
    {
        public Recorder(string name, ConcurrentQueue<string> order) => ReceiveAny(_ => order.Enqueue(name));
    }

    private sealed class ThreadReporter : ReceiveActor
    {
        public ThreadReporter() => ReceiveAny(_ => Sender.Tell((Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread), Self));
    }
}
