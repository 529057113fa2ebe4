using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Kernel.Tests;

public sealed class ReceiveTimeoutTests : ActorTestKit
{
    [Fact]
    public void SetReceiveTimeout_Idle_ReceiveTimeoutAtTheDeadlineAndRepeatedly()
    {
        var actor = ActorOf(Props.Create(() => new Idler(TestActor, Sys.TimeProvider)));
        actor.Tell(TimeSpan.FromSeconds(1), TestActor);
        ExpectMsg("set");

        Advance(TimeSpan.FromMilliseconds(999));
        ExpectNoMsg();
        Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1000, ExpectMsg<double>());
        Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2000, ExpectMsg<double>());
    }

    [Fact]
    public void SetReceiveTimeout_MessageArrives_DeadlineRestartsFromIt()
    {
        var actor = ActorOf(Props.Create(() => new Idler(TestActor, Sys.TimeProvider)));
        actor.Tell(TimeSpan.FromSeconds(1), TestActor);
        ExpectMsg("set");

        Advance(TimeSpan.FromMilliseconds(600));
        actor.Tell("activity", TestActor);
        ExpectMsg("activity");
        Advance(TimeSpan.FromMilliseconds(999));
        ExpectNoMsg();
        Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(1600, ExpectMsg<double>());
    }

    [Fact]
    public void SetReceiveTimeout_Null_TurnsItOff()
    {
        var actor = ActorOf(Props.Create(() => new Idler(TestActor, Sys.TimeProvider)));
        actor.Tell(TimeSpan.FromSeconds(1), TestActor);
        ExpectMsg("set");

        actor.Tell("off", TestActor);
        ExpectMsg("off");
        Advance(TimeSpan.FromSeconds(10));

        ExpectNoMsg();
        Assert.Equal(0, Clock.PendingTimerCount);
    }

    private sealed class Idler : ReceiveActor
    {
        public Idler(IActorRef report, TimeProvider time)
        {
            var start = time.GetTimestamp();
            Receive<TimeSpan>(t =>
            {
                Context.SetReceiveTimeout(t);
                Sender.Tell("set", Self);
            });
            Receive<string>(s => s == "off", s =>
            {
                Context.SetReceiveTimeout(null);
                Sender.Tell(s, Self);
            });
            Receive<ReceiveTimeout>(_ => report.Tell(time.GetElapsedTime(start).TotalMilliseconds, Self));
            Receive<string>(s => Sender.Tell(s, Self));
        }
    }
}
