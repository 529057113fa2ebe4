using RemoteIo.Actors.Kernel.Event;
using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Kernel.Tests.Event;

public sealed class EventStreamTests : ActorTestKit
{
    [Fact]
    public void Subscribe_BaseType_ReceivesDerivedEvents()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(LogEvent));

        Sys.EventStream.Publish(new Info("src", typeof(EventStreamTests), "hello"));
        Sys.EventStream.Publish(new Error("src", typeof(EventStreamTests), "bad"));
        Sys.EventStream.Publish("not a log event");

        Assert.Equal("hello", ExpectMsg<Info>().Message);
        Assert.Equal("bad", ExpectMsg<Error>().Message);
        ExpectNoMsg();
    }

    [Fact]
    public void Subscribe_SameActorTwice_SecondReturnsFalseAndOneDelivery()
    {
        Assert.True(Sys.EventStream.Subscribe(TestActor, typeof(string)));
        Assert.False(Sys.EventStream.Subscribe(TestActor, typeof(string)));

        Sys.EventStream.Publish("once");

        ExpectMsg("once");
        ExpectNoMsg();
    }

    [Fact]
    public void Subscribe_Delegate_CalledUntilDisposed()
    {
        var seen = new List<int>();
        var subscription = Sys.EventStream.Subscribe<int>(seen.Add);

        Sys.EventStream.Publish(1);
        subscription.Dispose();
        Sys.EventStream.Publish(2);

        Assert.Equal([1], seen);
    }

    [Fact]
    public void Publish_DelegateThrows_OtherSubscribersStillGetIt()
    {
        using var throwing = Sys.EventStream.Subscribe<string>(_ => throw new InvalidOperationException("subscriber bug"));
        Sys.EventStream.Subscribe(TestActor, typeof(string));

        Sys.EventStream.Publish("event");

        ExpectMsg("event");
    }

    [Fact]
    public void Unsubscribe_StoppedSubscriber_RemovedAutomatically()
    {
        var subscriber = Watch(ActorOf(Props.Create<EchoActor>()));
        Sys.EventStream.Subscribe(subscriber, typeof(string));
        Sys.Stop(subscriber);
        ExpectTerminated(subscriber);
        Settle();

        Assert.False(Sys.EventStream.Unsubscribe(subscriber));
    }

    [Fact]
    public void GetLogger_InActor_PublishesWithActorPathSourceAndVirtualTimestamp()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(LogEvent));
        Advance(TimeSpan.FromMinutes(1));
        var actor = ActorOf(Props.Create<Chatty>(), "chatty");

        actor.Tell("go", null);

        var info = ExpectMsg<Info>();
        Assert.Equal(actor.Path.ToString(), info.LogSource);
        Assert.Equal(typeof(Chatty), info.LogClass);
        Assert.Equal("value 42 for go", info.Message);
        Assert.Equal(Clock.GetUtcNow(), info.Timestamp);
        var warning = ExpectMsg<Warning>();
        Assert.Equal("bad {format {0} [1]", warning.Message);
        Assert.Equal("boom", ExpectMsg<Error>().Cause!.Message);
        ExpectNoMsg();
    }

    [Fact]
    public void DeadLetterLogger_FirstNLogged_ThenSilent()
    {
        using var kit = new ActorTestKit(RemoteIo.Actors.Configuration.ConfigurationFactory.ParseString("remoteio.actor.log-dead-letters = 2"));
        var infos = kit.CreateTestProbe();
        kit.Sys.EventStream.Subscribe(infos, typeof(Info));

        for (var i = 0; i < 4; i++)
        {
            kit.Sys.DeadLetters.Tell(i, kit.TestActor);
        }

        Assert.Contains("Message [Int32] from", infos.ExpectMsg<Info>().Message, StringComparison.Ordinal);
        Assert.Contains("No more dead letters will be logged.", infos.ExpectMsg<Info>().Message, StringComparison.Ordinal);
        infos.ExpectNoMsg();
    }

    [Fact]
    public void LogEvent_ToString_LevelTimestampThreadSourceMessageAndCause()
    {
        var error = new Error("remoteio://sys/user/a", typeof(EventStreamTests), "it broke", new InvalidOperationException("why"))
        {
            Timestamp = new DateTimeOffset(2000, 1, 2, 3, 4, 5, 6, TimeSpan.Zero),
            ThreadId = 7,
        };

        var text = error.ToString();

        Assert.StartsWith("[ERROR][2000-01-02T03:04:05.006Z][Thread 0007][remoteio://sys/user/a] it broke", text, StringComparison.Ordinal);
        Assert.Contains("Cause: System.InvalidOperationException: why", text, StringComparison.Ordinal);
    }

    private sealed class Chatty : ReceiveActor
    {
        public Chatty()
        {
            var log = Context.GetLogger();
            ReceiveAny(m =>
            {
                log.Debug("filtered out at the default level {0}", m);
                log.Info("value {0} for {1}", 42, m);
                log.Warning("bad {format {0}", 1);
                log.Error(new InvalidOperationException("boom"), "failed");
            });
        }
    }
}
