using System.Net;
using RemoteIo.Actors.Remote.Tests.Messages;
using RemoteIo.Actors.Remote.Tests.Support;
using RemoteIo.Actors.Remote.Transports;
using RemoteIo.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace RemoteIo.Actors.Remote.Tests.Links;

/// <summary>How associations end, resume and get replaced: cuts, resets, shutdowns, incarnations, grace periods, reconnects.</summary>
public sealed class AssociationLifecycleTests(ITestOutputHelper output) : NodeTests(output)
{
    /// <summary>The in-memory network of the test.</summary>
    private InMemoryNetwork _network = new();

    [Fact]
    public async Task NewIncarnationSameClientId_OldAssociationTerminatedAtOnce()
    {
        var server = await ServerAsync(RemoteSettings.Default.WithResumeGracePeriod(TimeSpan.FromMinutes(1)));
        var first = Node("client", RemoteSettings.Default, clientId: "kitchen", incarnation: 1);
        var firstSide = await first.ConnectAsync(InMemory, Host);
        var (old, _) = await server.Handler.Associated.NextAsync("the first incarnation");

        var second = Node("client", RemoteSettings.Default, clientId: "kitchen", incarnation: 2);
        await second.ConnectAsync(InMemory, Host);
        var (current, resumed) = await server.Handler.Associated.NextAsync("the second incarnation");

        Assert.False(resumed);
        Assert.Equal(2ul, current.Info.ClientIncarnation);
        Assert.True(server.Handler.Terminated.Reader.TryRead(out var ended), "the old association must be over before the new one is reported");
        Assert.Same(old, ended.Association);
        Assert.Contains("new incarnation", ended.Reason, StringComparison.Ordinal);
        var (_, firstReason) = await first.Handler.Terminated.NextAsync("the old client learning it was replaced");
        Assert.Contains("NewIncarnation", firstReason, StringComparison.Ordinal);
        Assert.Equal(AssociationState.Terminated, firstSide.State);
        Assert.Single(server.Node.Associations);
    }

    [Fact]
    public async Task CutLink_NoGracePeriod_BothSidesTerminateAtOnce()
    {
        var server = await ServerAsync(RemoteSettings.Default);
        var client = Node("client", RemoteSettings.Default);
        var clientSide = await client.ConnectAsync(InMemory, Host);
        await server.Handler.Associated.NextAsync("the association");

        Assert.Single(_network.Links).Cut();

        var (_, reason) = await server.Handler.Terminated.NextAsync("the server's termination");
        Assert.Contains("Transport", reason, StringComparison.Ordinal);
        await client.Handler.Terminated.NextAsync("the client's termination");
        Assert.Equal(AssociationState.Terminated, clientSide.State);
        Assert.True(server.Handler.LinksLost.IsEmpty());
    }

    [Fact]
    public async Task TcpReset_LingerZero_ServerTerminatesTheAssociation()
    {
        var tcp = RemoteTransport.Tcp();
        var server = Node("server", RemoteSettings.Default);
        var endPoint = (await server.ListenAsync(tcp, new IPEndPoint(IPAddress.Loopback, 0))).LocalEndPoint;
        var client = Node("client", RemoteSettings.Default);
        var clientSide = await client.ConnectAsync(tcp, endPoint);
        await server.Handler.Associated.NextAsync("the association");

        clientSide.CurrentLink!.Abort();

        var (_, reason) = await server.Handler.Terminated.NextAsync("the server's termination after the reset");
        Assert.Contains("reset by peer", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PeerShutsDown_WithGracePeriod_TerminatedNotResumable()
    {
        var server = await ServerAsync(RemoteSettings.Default.WithResumeGracePeriod(TimeSpan.FromMinutes(1)));
        var client = new TestNode("client", RemoteSettings.Default, output: Output);
        await client.ConnectAsync(InMemory, Host);
        await server.Handler.Associated.NextAsync("the association");

        await client.DisposeAsync();

        var (_, reason) = await server.Handler.Terminated.NextAsync("the server's termination");
        Assert.Contains("Shutdown", reason, StringComparison.Ordinal);
        Assert.True(server.Handler.LinksLost.IsEmpty(), "an orderly shutdown is not a lost link");
    }

    [Fact]
    public async Task CutLink_WithinGracePeriod_SameClientResumesAndGetsWhatWasQueued()
    {
        var server = await ServerAsync(RemoteSettings.Default.WithResumeGracePeriod(TimeSpan.FromMinutes(1)));
        var before = Node("client", RemoteSettings.Default, clientId: "kitchen", incarnation: 5);
        await before.ConnectAsync(InMemory, Host);
        var (serverSide, _) = await server.Handler.Associated.NextAsync("the association");
        TestNode.Send(serverSide, new Ping { Number = 1 });
        await before.Handler.Deliveries.NextAsync("the first message");

        Assert.Single(_network.Links).Cut();
        await server.Handler.LinksLost.NextAsync("the server noticing the lost link");
        TestNode.Send(serverSide, new Ping { Number = 2 });
        TestNode.Send(serverSide, new Ping { Number = 3 });
        var after = Node("client", RemoteSettings.Default, clientId: "kitchen", incarnation: 5);
        var clientSide = await after.ConnectAsync(InMemory, Host);

        var (resumedSide, resumed) = await server.Handler.Associated.NextAsync("the resume");
        Assert.True(resumed);
        Assert.Same(serverSide, resumedSide);
        Assert.True(server.Handler.Terminated.IsEmpty(), "nothing may terminate within the grace period");
        var (_, two) = await after.Handler.Deliveries.NextAsync("the first queued message");
        var (_, three) = await after.Handler.Deliveries.NextAsync("the second queued message");
        Assert.Equal((2ul, 2ul), (((Ping)two.Message).Number, two.Sequence));
        Assert.Equal((3ul, 3ul), (((Ping)three.Message).Number, three.Sequence));
        Assert.Equal(AssociationState.Active, clientSide.State);
    }

    [Fact]
    public async Task QueuedWhileDormant_Resumed_WrittenInBatchesNotOneFlushPerFrame()
    {
        var quiet = RemoteSettings.Default.WithHeartbeat(TimeSpan.FromMinutes(1), TimeSpan.Zero); // no heartbeat flushes in between
        var server = await ServerAsync(quiet.WithResumeGracePeriod(TimeSpan.FromMinutes(1)));
        var before = Node("client", quiet, clientId: "kitchen", incarnation: 5);
        await before.ConnectAsync(InMemory, Host);
        var (serverSide, _) = await server.Handler.Associated.NextAsync("the association");
        Assert.Single(_network.Links).Cut();
        await server.Handler.LinksLost.NextAsync("the lost link");
        for (var i = 1; i <= 1000; i++)
        {
            TestNode.Send(serverSide, new Ping { Number = (ulong)i });
        }

        var after = Node("client", quiet, clientId: "kitchen", incarnation: 5, logged: false);
        await after.ConnectAsync(InMemory, Host);
        for (var i = 1; i <= 1000; i++)
        {
            var (_, delivery) = await after.Handler.Deliveries.NextAsync($"queued message {i}");
            Assert.Equal((ulong)i, ((Ping)delivery.Message).Number);
        }

        Assert.InRange(serverSide.CurrentLink!.Flushes, 1, 3);
    }

    [Fact]
    public async Task CutLink_GracePeriodEnds_TerminatedExactlyWhenItEnds()
    {
        var clock = new ManualTimeProvider();
        _network = new InMemoryNetwork(clock);
        var server = Node("server", RemoteSettings.Default.WithResumeGracePeriod(TimeSpan.FromSeconds(10)).WithHeartbeat(TimeSpan.FromMinutes(1), TimeSpan.Zero), clock);
        await server.ListenAsync(InMemory, Host);
        var client = Node("client", RemoteSettings.Default, clock);
        await client.ConnectAsync(InMemory, Host);
        var (serverSide, _) = await server.Handler.Associated.NextAsync("the association");

        Assert.Single(_network.Links).Cut();
        await server.Handler.LinksLost.NextAsync("the lost link");
        Assert.Equal(AssociationState.Dormant, serverSide.State);

        clock.Advance(TimeSpan.FromSeconds(9.999));
        Assert.Equal(AssociationState.Dormant, serverSide.State);
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(AssociationState.Terminated, serverSide.State);
        var (_, reason) = await server.Handler.Terminated.NextAsync("the termination");
        Assert.Contains("not resumed within the grace period of 10000 ms", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientWithReconnect_LinkCut_ReconnectsAndResumesWithoutTerminating()
    {
        var grace = RemoteSettings.Default.WithResumeGracePeriod(TimeSpan.FromMinutes(1));
        var server = await ServerAsync(grace);
        var client = Node("client", grace.WithReconnect(ReconnectSettings.Enabled));
        var clientSide = await client.ConnectAsync(InMemory, Host);
        await client.Handler.Associated.NextAsync("the client's association");
        var (serverSide, _) = await server.Handler.Associated.NextAsync("the server's association");

        Assert.Single(_network.Links).Cut();

        var (again, resumed) = await client.Handler.Associated.NextAsync("the client resuming");
        Assert.True(resumed);
        Assert.Same(clientSide, again);
        var (serverAgain, serverResumed) = await server.Handler.Associated.NextAsync("the server resuming");
        Assert.True(serverResumed);
        Assert.Same(serverSide, serverAgain);
        TestNode.Send(clientSide, new Ping { Number = 10 });
        var (_, delivery) = await server.Handler.Deliveries.NextAsync("a message after the resume");
        Assert.Equal(10ul, ((Ping)delivery.Message).Number);
        Assert.True(server.Handler.Terminated.IsEmpty());
        Assert.True(client.Handler.Terminated.IsEmpty());
    }

    [Fact]
    public async Task ClientWithReconnect_ServerDown_RetriesWithBackoffOnTheClockUntilTheServerIsBack()
    {
        var clock = new ManualTimeProvider();
        _network = new InMemoryNetwork(clock);
        var quiet = RemoteSettings.Default.WithHeartbeat(TimeSpan.FromMinutes(10), TimeSpan.Zero);
        var first = new TestNode("server", quiet, clock, Output);
        await first.ListenAsync(InMemory, Host);
        var client = Node("client", quiet.WithReconnect(ReconnectSettings.Enabled.WithBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1))), clock);
        await client.ConnectAsync(InMemory, Host);
        await client.Handler.Associated.NextAsync("the first association");

        await first.DisposeAsync();
        await client.Handler.Terminated.NextAsync("the client seeing the server go");
        // The backoff delay (100 ms and jitter) must be on the clock before it is advanced; a
        // heartbeat or other long timer being pending says nothing about it.
        await Eventually.TrueAsync(() => clock.PendingTimersDueWithin(TimeSpan.FromSeconds(1)) > 0, "a failed attempt and its backoff delay on the virtual clock");
        var second = Node("server", quiet, clock);
        await second.ListenAsync(InMemory, Host);
        Assert.True(client.Handler.Associated.IsEmpty(), "no attempt may happen before the backoff delay has passed");

        clock.Advance(TimeSpan.FromSeconds(1));

        var (association, resumed) = await client.Handler.Associated.NextAsync("the association with the restarted server");
        Assert.False(resumed);
        Assert.Equal(second.Node.Identity.Incarnation, association.Info.RemoteIncarnation);
    }

    /// <summary>The in-memory transport of <see cref="_network"/>.</summary>
    private RemoteTransport InMemory => RemoteTransport.InMemory(_network);

    /// <summary>The server's endpoint.</summary>
    private static InMemoryEndPoint Host => new("host");

    /// <summary>A listening server on <see cref="Host"/>.</summary>
    private async Task<TestNode> ServerAsync(RemoteSettings settings)
    {
        var server = Node("server", settings);
        await server.ListenAsync(InMemory, Host);
        return server;
    }

}
