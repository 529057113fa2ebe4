using System.Collections.Concurrent;
using RemoteIo.Actors.Kernel.Event;
using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Kernel.Tests;

public sealed class QuiescenceTests : ActorTestKit
{
    [Fact]
    public void Advance_TimerTickStartsActorChain_ChainCompletesAtTheTickInstantBeforeClockMovesOn()
    {
        var log = new ConcurrentQueue<string>();
        var last = ActorOf(Props.Create(() => new Hop(null, log, Sys.TimeProvider)), "c");
        var middle = ActorOf(Props.Create(() => new Hop(last, log, Sys.TimeProvider)), "b");
        ActorOf(Props.Create(() => new Ticker(middle)), "a");
        Sys.Scheduler.ScheduleOnce(TimeSpan.FromMilliseconds(15), () => log.Enqueue("marker@15"));
        Settle();

        Advance(TimeSpan.FromMilliseconds(30));

        Assert.Equal(["c@10", "marker@15", "c@20", "c@30"], log);
    }

    [Fact]
    public void AwaitIdle_BusyActor_FalseUntilItFinishes()
    {
        using var gate = new ManualResetEventSlim();
        var actor = ActorOf(Props.Create(() => new Blocked(gate)));
        actor.Tell("block", TestActor);

        Assert.False(Sys.AwaitIdle(TimeSpan.FromMilliseconds(50)));
        gate.Set();
        Assert.True(Sys.AwaitIdle(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void AwaitIdle_TrackingOff_InvalidOperationExceptionSaysHowToEnable()
    {
        using var system = ActorSystem.Create("untracked", ActorSystemSettings.Default.WithStdoutLogLevel(LogLevel.Off));

        var e = Assert.Throws<InvalidOperationException>(() => system.AwaitIdle(TimeSpan.Zero));

        Assert.Contains("track-quiescence", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Advance_ActorsNeverBecomeIdle_SettlerFailsTheAdvanceWithTimeout()
    {
        using var kit = new ActorTestKit(ActorSystemSettings.Default.WithStdoutLogLevel(LogLevel.Off), kitSettings: TestKitSettings.Default.WithSettleTimeout(TimeSpan.FromMilliseconds(200)));
        var ping = kit.ActorOf(Props.Create<PingPong>());
        ping.Tell("ping", ping);

        var e = Assert.Throws<TimeoutException>(() => kit.Advance(TimeSpan.FromMilliseconds(1)));

        Assert.Contains("did not become idle", e.Message, StringComparison.Ordinal);
        kit.Sys.Stop(ping);
    }

    private sealed class Ticker : ReceiveActor, IWithTimers
    {
        public Ticker(IActorRef next) => ReceiveAny(m => next.Tell(m, Self));

        public ITimerScheduler Timers { get; set; } = null!;

        protected override void PreStart() => Timers.StartPeriodicTimer("tick", "tick", TimeSpan.FromMilliseconds(10));
    }

    private sealed class Hop : ReceiveActor
    {
        public Hop(IActorRef? next, ConcurrentQueue<string> log, TimeProvider time)
        {
            var start = time.GetTimestamp();
            ReceiveAny(m =>
            {
                if (next is null)
                {
                    log.Enqueue($"{Self.Path.Name}@{time.GetElapsedTime(start).TotalMilliseconds}");
                }
                else
                {
                    next.Tell(m, Self);
                }
            });
        }
    }

    private sealed class Blocked : ReceiveActor
    {
        public Blocked(ManualResetEventSlim gate) => ReceiveAny(_ => gate.Wait(TimeSpan.FromSeconds(10)));
    }

    private sealed class PingPong : ReceiveActor
    {
        public PingPong() => ReceiveAny(m => Sender.Tell(m, Self));
    }
}
