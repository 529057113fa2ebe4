using RemoteIo.TestKit;
using Xunit;
using Xunit.Sdk;

namespace RemoteIo.Actors.Kernel.Tests.TestKit;

public sealed class TestProbeTests : ActorTestKit
{
    [Fact]
    public void ExpectMsg_NothingArrives_FailsNamingTypeTimeoutAndProbe()
    {
        var e = Assert.Throws<XunitException>(() => ExpectMsg<string>(TimeSpan.FromMilliseconds(20)));

        Assert.Equal("Timeout (20 ms) while waiting for a String at " + TestActor.Path + ".", e.Message);
    }

    [Fact]
    public void ExpectMsg_WrongMessage_FailsNamingWhatArrivedAndFromWhom()
    {
        TestActor.Tell(42, TestActor);

        var e = Assert.Throws<XunitException>(() => ExpectMsg("hello"));

        Assert.Contains("Expected a String (equal to hello)", e.Message, StringComparison.Ordinal);
        Assert.Contains("got Int32 42 from " + TestActor.Path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectNoMsg_MessageArrives_Fails()
    {
        TestActor.Tell("surprise", null);

        var e = Assert.Throws<XunitException>(() => ExpectNoMsg());

        Assert.Contains("got String surprise", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectNoMsg_VirtualClock_SettlesInsteadOfWaiting()
    {
        var echo = ActorOf(Props.Create<EchoActor>());
        echo.Tell("late reply", TestActor);

        Assert.Throws<XunitException>(() => ExpectNoMsg());
    }

    [Fact]
    public void ReplyAndForward_UseTheLastSender()
    {
        var probe = CreateTestProbe();
        var client = CreateTestProbe();
        client.Send(probe, "question");
        probe.ExpectMsg("question");

        probe.Reply("answer");
        probe.Forward(TestActor);

        client.ExpectMsg("answer");
        Assert.Equal(probe.Ref, client.LastSender);
        ExpectMsg("question");
        Assert.Equal(client.Ref, LastSender);
    }

    [Fact]
    public void FishForMessage_SkipsOthers_ReturnsTheMatch()
    {
        TestActor.TellAll(TestActor, 1, 2, "found", 3);

        Assert.Equal("found", TestProbe.FishForMessage<string>(s => s == "found"));
        ExpectMsg(3);
    }

    [Fact]
    public void ReceiveN_TooFew_FailsSayingHowMany()
    {
        TestActor.TellAll(TestActor, 1, 2);
        // Delivery is asynchronous: on a loaded machine the two can take longer than the 50 ms below.
        AwaitCondition(() => TestProbe.QueuedMessageCount == 2);

        var e = Assert.Throws<XunitException>(() => ReceiveN(3, TimeSpan.FromMilliseconds(50)));

        Assert.Contains("got 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Within_BlockTooSlow_Fails()
    {
        var e = Assert.Throws<XunitException>(() => Within(TimeSpan.FromMilliseconds(10), () => ExpectNoMsg(TimeSpan.FromMilliseconds(50))));

        Assert.Contains("expected between 0 and 10 ms", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Within_ExpectationsInside_UseTheRemainingTime()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();

        Assert.Throws<XunitException>(() => TestProbe.Within(TimeSpan.FromMilliseconds(100), () => ExpectMsg<string>()));

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), "the default 3 s timeout was used instead of the block's remaining time");
    }

    [Fact]
    public void AwaitAssert_BecomesTrue_Passes()
    {
        var echo = ActorOf(Props.Create<EchoActor>());
        echo.Tell("x", TestActor);

        AwaitAssert(() => Assert.True(TestProbe.HasMessages));
    }

    [Fact]
    public void AwaitAssert_NeverPasses_RethrowsTheLastFailure()
    {
        var e = Assert.ThrowsAny<XunitException>(() => AwaitAssert(() => Assert.Fail("still failing"), TimeSpan.FromMilliseconds(50)));

        Assert.Contains("still failing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WatchAndExpectTerminated_ProbeWatchesAnyActor()
    {
        var probe = CreateTestProbe();
        var actor = probe.Watch(ActorOf(Props.Create<EchoActor>()));

        Sys.Stop(actor);

        Assert.Equal(actor, probe.ExpectTerminated(actor).ActorRef);
    }

    [Fact]
    public void TestProbe_IsAnActorRef_EqualToItsRef()
    {
        var probe = CreateTestProbe("named");

        Assert.Equal(probe.Ref, probe);
        Assert.Equal("named", probe.Path.Name);
        probe.Tell("direct", TestActor);
        probe.ExpectMsgFrom<string>(TestActor);
    }

    [Fact]
    public void Clock_RealTimeKit_Unavailable()
    {
        using var kit = new ActorTestKit(TimeProvider.System);

        Assert.False(kit.IsVirtualTime);
        Assert.Throws<InvalidOperationException>(() => kit.Clock);
        kit.ExpectNoMsg();
    }
}
