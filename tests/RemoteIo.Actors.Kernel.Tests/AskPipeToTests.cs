using RemoteIo.TestKit;
using Xunit;

namespace RemoteIo.Actors.Kernel.Tests;

public sealed class AskPipeToTests : ActorTestKit
{
    [Fact]
    public async Task Ask_ActorReplies_CompletesWithReply()
    {
        var echo = ActorOf(Props.Create<EchoActor>());

        Assert.Equal("hi", await echo.Ask<string>("hi", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Ask_NoReply_TimesOutAtTheTimeoutWithClearMessage()
    {
        var silent = ActorOf(Props.Create<Silent>(), "silent");
        var task = silent.Ask<string>(42, TimeSpan.FromSeconds(5));

        Advance(TimeSpan.FromMilliseconds(4999));
        Assert.False(task.IsCompleted);
        Advance(TimeSpan.FromMilliseconds(1));

        var e = await Assert.ThrowsAsync<AskTimeoutException>(() => task);
        Assert.Contains("/user/silent", e.Message, StringComparison.Ordinal);
        Assert.Contains("5000 ms", e.Message, StringComparison.Ordinal);
        Assert.Contains("Int32", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_StatusFailureReply_FaultsWithItsCause()
    {
        var failing = ActorOf(Props.Create(() => new Replier(new Status.Failure(new InvalidOperationException("no")))));

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => failing.Ask<string>("q", TimeSpan.FromSeconds(5)));
        Assert.Equal("no", e.Message);
    }

    [Fact]
    public async Task Ask_ReplyOfOtherType_FaultsWithInvalidCast()
    {
        var replier = ActorOf(Props.Create(() => new Replier(42)));

        var e = await Assert.ThrowsAsync<InvalidCastException>(() => replier.Ask<string>("q", TimeSpan.FromSeconds(5)));
        Assert.Contains("Int32", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_Cancelled_TaskCancelled()
    {
        var silent = ActorOf(Props.Create<Silent>());
        using var cts = new CancellationTokenSource();
        var task = silent.Ask<string>("q", TimeSpan.FromSeconds(5), cts.Token);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
    }

    [Fact]
    public void Ask_NonPositiveTimeout_ThrowsArgumentOutOfRange()
    {
        var echo = ActorOf(Props.Create<EchoActor>());

        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = echo.Ask<string>("q", TimeSpan.Zero); });
    }

    [Fact]
    public async Task Ask_ReplyThroughResolvedTempPath_Completes()
    {
        var viaPath = ActorOf(Props.Create<ReplyViaPath>());

        Assert.Equal("via path", await viaPath.Ask<string>("q", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Ask_Completed_TempRefAndTimerReleased()
    {
        var echo = ActorOf(Props.Create<EchoActor>());
        await echo.Ask<string>("hi", TimeSpan.FromSeconds(5));

        Assert.Equal(0, Clock.PendingTimerCount);
    }

    [Fact]
    public void PipeTo_Success_DeliversResult()
    {
        var source = new TaskCompletionSource<int>();
        _ = source.Task.PipeTo(TestActor);

        source.SetResult(7);

        ExpectMsg(7);
    }

    [Fact]
    public void PipeTo_Failure_DeliversStatusFailure()
    {
        var source = new TaskCompletionSource<int>();
        _ = source.Task.PipeTo(TestActor);

        source.SetException(new InvalidOperationException("bad"));

        Assert.Equal("bad", ExpectMsg<Status.Failure>().Cause.Message);
    }

    [Fact]
    public void PipeTo_WithProjectionsAndSender_UsesThem()
    {
        var ok = new TaskCompletionSource<int>();
        var bad = new TaskCompletionSource<int>();
        var sender = CreateTestProbe();
        _ = ok.Task.PipeTo(TestActor, sender, success: i => $"ok {i}");
        _ = bad.Task.PipeTo(TestActor, sender, failure: e => $"failed {e.Message}");

        ok.SetResult(1);
        ExpectMsg("ok 1");
        Assert.Equal(sender.Ref, LastSender);
        bad.SetException(new InvalidOperationException("x"));
        ExpectMsg("failed x");
    }

    [Fact]
    public void PipeTo_PlainTask_DeliversStatusSuccess()
    {
        var source = new TaskCompletionSource();
        _ = source.Task.PipeTo(TestActor);

        source.SetResult();

        ExpectMsg<Status.Success>();
    }

    private sealed class Silent : ReceiveActor
    {
        public Silent() => ReceiveAny(_ => { });
    }

    private sealed class Replier : ReceiveActor
    {
        public Replier(object reply) => ReceiveAny(_ => Sender.Tell(reply, Self));
    }

    private sealed class ReplyViaPath : ReceiveActor
    {
        public ReplyViaPath() => ReceiveAny(_ => Context.System.ResolveActorRef(Sender.Path).Tell("via path", Self));
    }
}
