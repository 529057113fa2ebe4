using RemoteIo.Actors.Compat.Backends;
using RemoteIo.Actors.Compat.Tests.Support;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Compat.Tests.Backends;

/// <summary>The connection's actor reference: one awaited request at a time, timeouts on the host's clock, death watch.</summary>
public sealed class PinsClientTests : PinsBackendKit
{
    [Fact]
    public async Task RequestAsync_SupervisorAnswers_ReplyWithTheRequestsId()
    {
        var client = Access.NewClient("test");
        var id = client.NextId();

        var reply = await client.RequestAsync(new ClaimPin { RequestId = id, Pin = PinsRequests.Gpio(17) }, id).AsTask().WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(id, Assert.IsType<PinClaimed>(reply).RequestId);
    }

    [Fact]
    public async Task RequestAsync_NoAnswerWithinTheReplyTimeout_TimesOutOnTheHostsClock()
    {
        var silent = CreateTestProbe();
        var client = new PinsClient(Sys, silent.Ref, "test", TimeSpan.FromSeconds(5));
        var id = client.NextId();

        var pending = client.RequestAsync(new ReadPin { RequestId = id, Pin = PinsRequests.Gpio(17) }, id).AsTask();
        silent.ExpectMsg<ReadPin>();
        AdvanceMs(4999);
        Assert.False(pending.IsCompleted);
        AdvanceMs(1);

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => pending.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Contains("5000 ms", timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestAsync_CommandUntilFinal_SkipsAcceptedAndOtherIds()
    {
        var probe = CreateTestProbe();
        var client = new PinsClient(Sys, probe.Ref, "test", TimeSpan.FromSeconds(5));
        var id = client.NextId();

        var pending = client.RequestAsync(new PinCommand { CommandId = id }, id, untilFinal: true).AsTask();
        probe.ExpectMsg<PinCommand>();
        client.Tell(new CommandOutcome { CommandId = id, Kind = OutcomeKind.Accepted }, probe.Ref);
        client.Tell(new CommandOutcome { CommandId = id + 100, Kind = OutcomeKind.Completed }, probe.Ref);
        Assert.False(pending.IsCompleted);
        client.Tell(new CommandOutcome { CommandId = id, Kind = OutcomeKind.Completed }, probe.Ref);

        Assert.Equal(OutcomeKind.Completed, Assert.IsType<CommandOutcome>(await pending.WaitAsync(TimeSpan.FromSeconds(5))).Kind);
    }

    [Fact]
    public void RequestAsync_WhileAnotherIsOutstanding_Refused()
    {
        var probe = CreateTestProbe();
        var client = new PinsClient(Sys, probe.Ref, "test", TimeSpan.FromSeconds(5));
        var first = client.RequestAsync(new ReadPin(), client.NextId()).AsTask();

        Assert.Throws<InvalidOperationException>(() => { _ = client.RequestAsync(new ReadPin(), client.NextId()).AsTask(); });
        Assert.False(first.IsCompleted);
    }

    [Fact]
    public async Task Stop_OutstandingRequest_FailsAndLaterRequestsAreRefused()
    {
        var probe = CreateTestProbe();
        var client = new PinsClient(Sys, probe.Ref, "test", TimeSpan.FromSeconds(5));
        var pending = client.RequestAsync(new ReadPin(), client.NextId()).AsTask();

        client.Stop();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => pending.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Throws<ObjectDisposedException>(() => { _ = client.RequestAsync(new ReadPin(), client.NextId()).AsTask(); });
    }

    [Fact]
    public void Stop_Watched_WatcherGetsTerminatedOnceAndLateWatchersAtOnce()
    {
        var client = Access.NewClient("test");
        var watcher = CreateTestProbe();
        watcher.Watch(client);

        client.Stop();

        watcher.ExpectTerminated(client);
        var late = CreateTestProbe();
        late.Watch(client);
        late.ExpectTerminated(client);
    }

    [Fact]
    public void Tell_MessageAnsweringNoRequest_GoesToTheListener()
    {
        var listener = new Listener();
        var client = new PinsClient(Sys, CreateTestProbe().Ref, "test", TimeSpan.FromSeconds(5), listener);
        var edge = new PinEdge { Gpio = 4, Level = true };

        client.Tell(edge, ActorRefs.Nobody);
        client.Tell(new CommandOutcome { CommandId = 77, Kind = OutcomeKind.Completed }, ActorRefs.Nobody);

        Assert.Equal(2, listener.Messages.Count);
        Assert.Same(edge, listener.Messages[0]);
    }

    [Fact]
    public async Task Session_SoftClosedByDeathWatch_WhenTheReferenceStopsWithoutCloseSession()
    {
        var client = Access.NewClient("test");
        var id = client.NextId();
        await client.RequestAsync(new ClaimPin { RequestId = id, Pin = PinsRequests.Gpio(17) }, id).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotEqual(string.Empty, OwnerOf(17));

        client.Stop();
        AdvanceMs(0);

        Assert.Equal(string.Empty, OwnerOf(17));
    }

    private sealed class Listener : IPinsListener
    {
        public List<object> Messages { get; } = [];

        public void OnMessage(object message) => Messages.Add(message);
    }
}
