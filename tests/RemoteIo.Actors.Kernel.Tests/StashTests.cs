using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Kernel.Tests;

public sealed class StashTests : ActorTestKit
{
    [Fact]
    public void UnstashAll_PrependsInOriginalOrderWithOriginalSenders()
    {
        var p1 = CreateTestProbe();
        var p2 = CreateTestProbe();
        var report = CreateTestProbe();
        var gate = ActorOf(Props.Create(() => new Gate(report)));

        p1.Send(gate, "m1");
        p2.Send(gate, "m2");
        p1.Send(gate, "m3");
        gate.Tell("open", TestActor);
        p2.Send(gate, "m4");

        var received = report.ReceiveN(4).Cast<(string Message, IActorRef Sender)>().ToList();
        Assert.Equal(["m1", "m2", "m3", "m4"], received.Select(r => r.Message));
        Assert.Equal([p1.Ref, p2.Ref, p1.Ref, p2.Ref], received.Select(r => r.Sender));
    }

    [Fact]
    public void UnstashAll_WithPredicate_ReturnsOnlyMatchingKeepsOthersStashed()
    {
        var report = CreateTestProbe();
        var gate = ActorOf(Props.Create(() => new Gate(report)));
        gate.TellAll(TestActor, "a1", "b1", "a2", "b2");

        gate.Tell("open-a", TestActor);

        Assert.Equal(["a1", "a2"], report.ReceiveN(2).Cast<(string Message, IActorRef Sender)>().Select(r => r.Message));
        gate.Tell("count", TestActor);
        ExpectMsg(2);
    }

    [Fact]
    public void Unstash_One_ReturnsOldestFirst()
    {
        var report = CreateTestProbe();
        var gate = ActorOf(Props.Create(() => new Gate(report)));
        gate.Tell("x", TestActor);
        gate.Tell("y", TestActor);

        gate.Tell("one", TestActor);

        Assert.Equal("x", ((ValueTuple<string, IActorRef>)report.ReceiveOne()!).Item1);
        gate.Tell("count", TestActor);
        ExpectMsg(1);
    }

    [Fact]
    public void ClearStash_DropsEverythingAndReturnsIt()
    {
        var report = CreateTestProbe();
        var gate = ActorOf(Props.Create(() => new Gate(report)));
        gate.Tell("x", TestActor);
        gate.Tell("y", TestActor);

        gate.Tell("clear", TestActor);

        ExpectMsg(2);
        gate.Tell("count", TestActor);
        ExpectMsg(0);
    }

    [Fact]
    public void Stash_SameMessageTwice_ActorFailsWithIllegalState()
    {
        var report = CreateTestProbe();
        var actor = ActorOf(Props.Create(() => new DoubleStash(report)));

        actor.Tell("twice", TestActor);

        Assert.IsType<IllegalActorStateException>(report.ExpectMsg<Exception>());
    }

    private sealed class Gate : ReceiveActor, IWithStash
    {
        public Gate(IActorRef report)
        {
            Receive<string>(s => s == "open", _ =>
            {
                Stash.UnstashAll();
                Become(() => Receive<string>(m => report.Tell((m, Sender), Self)));
            });
            Receive<string>(s => s == "open-a", _ =>
            {
                Stash.UnstashAll(e => ((string)e.Message).StartsWith('a'));
                BecomeStacked(() =>
                {
                    Receive<string>(s => s.StartsWith('a'), m => report.Tell((m, Sender), Self));
                    Receive<string>(s => s == "count", _ => Sender.Tell(Stash.Count, Self));
                });
            });
            Receive<string>(s => s == "one", _ =>
            {
                Stash.Unstash();
                BecomeStacked(() => Receive<string>(s => s != "count", m =>
                {
                    report.Tell((m, Sender), Self);
                    Context.UnbecomeStacked();
                }));
            });
            Receive<string>(s => s == "clear", _ => Sender.Tell(Stash.ClearStash().Count, Self));
            Receive<string>(s => s == "count", _ => Sender.Tell(Stash.Count, Self));
            ReceiveAny(_ => Stash.Stash());
        }

        public IStash Stash { get; set; } = null!;
    }

    private sealed class DoubleStash : ReceiveActor, IWithStash
    {
        private readonly IActorRef _report;

        public DoubleStash(IActorRef report)
        {
            _report = report;
            ReceiveAny(_ =>
            {
                Stash.Stash();
                Stash.Stash();
            });
        }

        public IStash Stash { get; set; } = null!;

        protected override void PreRestart(Exception reason, object? message) => _report.Tell(reason, Self);
    }
}
