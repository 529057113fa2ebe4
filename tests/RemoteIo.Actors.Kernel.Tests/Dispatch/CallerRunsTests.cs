using System.Collections.Concurrent;
using RemoteIo.Actors.Configuration;
using RemoteIo.Actors.Kernel.Dispatch;
using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Kernel.Tests.Dispatch;

/// <summary>
/// CallerRuns: a thread delivering from outside the system (a link's read loop) runs the turns it
/// causes on an idle dedicated dispatcher itself, instead of waking one of its threads.
/// </summary>
public sealed class CallerRunsTests : ActorTestKit
{
    private static readonly Config Dispatchers = ConfigurationFactory.ParseString("""
        two-threads {
          type = ForkJoinDispatcher
          dedicated-thread-pool.thread-count = 2
        }
        one-thread {
          type = ForkJoinDispatcher
          dedicated-thread-pool.thread-count = 1
        }
        """);

    public CallerRunsTests()
        : base(Dispatchers)
    {
    }

    [Fact]
    public void Offer_TellToAnActorOfAnIdleDedicatedDispatcher_RunsOnTheCallerBeforeEndReturns()
    {
        var turns = new ConcurrentQueue<int>();
        var actor = ActorOf(Props.Create(() => new Chain(turns, null)).WithDispatcher("two-threads"));
        AwaitAsleep("two-threads");

        Offered(() => actor.Tell("go", TestActor));

        // Ran synchronously inside End, on this thread: no dedicated thread was woken for it.
        Assert.Equal([Environment.CurrentManagedThreadId], turns);
    }

    [Fact]
    public void Offer_ActorsHandingOnWithinTheDispatcher_AllRunOnTheCaller()
    {
        var turns = new ConcurrentQueue<int>();
        var second = ActorOf(Props.Create(() => new Chain(turns, null)).WithDispatcher("two-threads"));
        var first = ActorOf(Props.Create(() => new Chain(turns, second)).WithDispatcher("two-threads"));
        AwaitAsleep("two-threads");

        Offered(() => first.Tell("go", TestActor));

        Assert.Equal([Environment.CurrentManagedThreadId, Environment.CurrentManagedThreadId], turns);
    }

    [Fact]
    public void Offer_AChainLongerThanMaxRuns_TheCallerRunsMaxRunsAndADedicatedThreadTheRest()
    {
        var turns = new ConcurrentQueue<int>();
        IActorRef? next = null;
        for (var i = 0; i < CallerRuns.MaxRuns + 2; i++)
        {
            var following = next;
            next = ActorOf(Props.Create(() => new Chain(turns, following)).WithDispatcher("two-threads"));
        }

        AwaitAsleep("two-threads");

        Offered(() => next!.Tell("go", TestActor));
        ExpectMsg("done");

        var caller = Environment.CurrentManagedThreadId;
        var threads = turns.ToArray();
        Assert.Equal(CallerRuns.MaxRuns + 2, threads.Length);
        Assert.All(threads[..CallerRuns.MaxRuns], thread => Assert.Equal(caller, thread));
        Assert.All(threads[CallerRuns.MaxRuns..], thread => Assert.NotEqual(caller, thread));
    }

    [Fact]
    public void NoOffer_TellToAnIdleDedicatedDispatcher_RunsOnItsOwnThread()
    {
        var turns = new ConcurrentQueue<int>();
        var actor = ActorOf(Props.Create(() => new Chain(turns, null)).WithDispatcher("two-threads"));
        AwaitAsleep("two-threads");

        actor.Tell("go", TestActor);
        ExpectMsg("done");

        Assert.NotEqual(Environment.CurrentManagedThreadId, Assert.Single(turns));
    }

    [Fact]
    public void Offer_DispatcherBusy_TheWorkIsLeftToItsOwnThread()
    {
        using var gate = new ManualResetEventSlim();
        using var entered = new ManualResetEventSlim();
        var turns = new ConcurrentQueue<int>();
        var blocker = ActorOf(Props.Create(() => new Blocker(entered, gate)).WithDispatcher("one-thread"));
        var actor = ActorOf(Props.Create(() => new Chain(turns, null)).WithDispatcher("one-thread"));
        blocker.Tell("block", TestActor);
        Assert.True(entered.Wait(TimeSpan.FromSeconds(5)));

        Offered(() => actor.Tell("go", TestActor));
        Assert.Empty(turns);
        gate.Set();
        ExpectMsg("done");

        Assert.NotEqual(Environment.CurrentManagedThreadId, Assert.Single(turns));
    }

    [Fact]
    public void Offer_TellToAThreadPoolActor_RunsOnThePoolNotTheCaller()
    {
        var turns = new ConcurrentQueue<int>();
        var actor = ActorOf(Props.Create(() => new Chain(turns, null)));

        Offered(() => actor.Tell("go", TestActor));
        ExpectMsg("done");

        Assert.NotEqual(Environment.CurrentManagedThreadId, Assert.Single(turns));
    }

    [Fact]
    public void Offer_ATurnThrowsOnTheCaller_TheFailureStaysInTheActorSystemAndTheCallerCarriesOn()
    {
        var turns = new ConcurrentQueue<int>();
        var failing = ActorOf(Props.Create(() => new Chain(turns, null, fail: true)).WithDispatcher("two-threads"));
        var next = ActorOf(Props.Create(() => new Chain(turns, null)).WithDispatcher("two-threads"));
        AwaitAsleep("two-threads");

        Offered(() => failing.Tell("go", TestActor));
        Offered(() => next.Tell("go", TestActor));

        ExpectMsg("done");
        Assert.Equal(2, turns.Count);
    }

    /// <summary>Runs <paramref name="deliver"/> inside an offer, as a link's read loop does.</summary>
    private static void Offered(Action deliver)
    {
        CallerRuns.Begin();
        try
        {
            deliver();
        }
        finally
        {
            CallerRuns.End();
        }
    }

    /// <summary>Waits until every thread of the dispatcher sleeps (they run briefly after actors are created).</summary>
    private void AwaitAsleep(string id)
    {
        var dispatcher = Assert.IsType<DedicatedThreadDispatcher>(Sys.Dispatchers.Lookup(id));
        Assert.True(SpinWait.SpinUntil(() => dispatcher.SleepingThreads == dispatcher.ThreadCount, TimeSpan.FromSeconds(5)), $"{id}'s threads did not go idle");
    }

    /// <summary>Records its thread, then tells the next actor (or the sender "done" when last).</summary>
    private sealed class Chain : ReceiveActor
    {
        public Chain(ConcurrentQueue<int> turns, IActorRef? next, bool fail = false) => ReceiveAny(message =>
        {
            turns.Enqueue(Environment.CurrentManagedThreadId);
            if (fail)
            {
                throw new InvalidOperationException("this turn fails");
            }

            if (next is null)
            {
                Sender.Tell("done", Self);
            }
            else
            {
                next.Tell(message, Sender);
            }
        });
    }
}
