using System.Collections.Concurrent;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Kernel.Dispatch;
using RemoteIo.Actors.Remote.Tests.Messages;
using RemoteIo.Actors.Remote.Tests.Support;
using RemoteIo.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace RemoteIo.Actors.Remote.Tests.Actors;

/// <summary>
/// A link's read loop offers its thread for what it delivers (CallerRuns): a message for an actor
/// on an idle dedicated dispatcher (the host's pin supervisor and pin actors) runs on the read
/// thread at once instead of waking one of the dispatcher's threads.
/// </summary>
public sealed class CallerRunsDeliveryTests(ITestOutputHelper output) : RemoteSystems(output)
{
    private const string TimingDispatcher = "remoteio.timing-dispatcher";

    [Fact]
    public async Task RemoteTell_ToAnActorOnAnIdleDedicatedDispatcher_RunsOnTheLinksReadThreadNotTheDispatchers()
    {
        var (host, _, address) = await NewTcpHostAsync();
        var threads = new ConcurrentQueue<string>();
        host.ActorOf(Props.Create(() => new ThreadRecorder(threads)).WithDispatcher(TimingDispatcher), "recorder");
        var dispatcher = Assert.IsType<DedicatedThreadDispatcher>(host.Dispatchers.Lookup(TimingDispatcher));
        var (client, remoting) = NewSystem("client");
        await remoting.ConnectAsync(address);
        var probe = new TestProbe(client);
        var recorder = Resolve(client, address, "/user/recorder");

        for (var n = 1ul; n <= 5; n++)
        {
            await EventuallyAsync(() => dispatcher.SleepingThreads == dispatcher.ThreadCount, "the timing dispatcher's threads sleep");
            probe.Send(recorder, new Ping { Number = n });
            Assert.Equal(n, probe.ExpectMsg<Pong>().Number);
        }

        // Every turn ran on the thread that read the frame (a pool thread), none on the dispatcher's own.
        Assert.Equal(5, threads.Count);
        Assert.All(threads, thread => Assert.DoesNotContain(TimingDispatcher, thread, StringComparison.Ordinal));
    }

    /// <summary>Records the name of the thread each Ping runs on (or "pool" for an unnamed pool thread), answers a Pong.</summary>
    private sealed class ThreadRecorder : ReceiveActor
    {
        public ThreadRecorder(ConcurrentQueue<string> threads) => Receive<Ping>(ping =>
        {
            threads.Enqueue(Thread.CurrentThread.Name ?? (Thread.CurrentThread.IsThreadPoolThread ? "pool" : "unnamed"));
            Sender.Tell(new Pong { Number = ping.Number }, Self);
        });
    }
}
