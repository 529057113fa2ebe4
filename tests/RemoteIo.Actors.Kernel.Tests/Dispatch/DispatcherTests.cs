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

    private sealed class Blocker : ReceiveActor
    {
        public Blocker(ManualResetEventSlim entered, ManualResetEventSlim gate) => ReceiveAny(_ =>
        {
            entered.Set();
            gate.Wait(TimeSpan.FromSeconds(10));
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
