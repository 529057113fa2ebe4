using RemoteIo.Actors.Remote.Links;
using RemoteIo.Actors.Remote.Tests.Support;
using RemoteIo.Actors.Remote.Transports;
using RemoteIo.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace RemoteIo.Actors.Remote.Tests.Links;

/// <summary>Heartbeats and the deadline failure detector under virtual time (in-memory transport, manual clock).</summary>
public sealed class HeartbeatTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Heartbeat every second, dead after 1 s + 3 s of silence.</summary>
    private static readonly RemoteSettings Settings = RemoteSettings.Default.WithHeartbeat(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));

    /// <summary>The virtual clock of both nodes and the network.</summary>
    private readonly ManualTimeProvider _clock = new();

    /// <summary>The server.</summary>
    private TestNode _server = null!;

    /// <summary>The client.</summary>
    private TestNode _client = null!;

    /// <summary>The client's association.</summary>
    private Association _clientSide = null!;

    /// <summary>The server's association.</summary>
    private Association _serverSide = null!;

    /// <summary>The one in-memory link between them.</summary>
    private InMemoryLink _link = null!;

    public async Task InitializeAsync()
    {
        var network = new InMemoryNetwork(_clock);
        var transport = RemoteTransport.InMemory(network);
        _server = new TestNode("server", Settings, _clock, output);
        await _server.ListenAsync(transport, new InMemoryEndPoint("host"));
        _client = new TestNode("client", Settings, _clock, output);
        _clientSide = await _client.ConnectAsync(transport, new InMemoryEndPoint("host"));
        (_serverSide, _) = await _server.Handler.Associated.NextAsync("the server's association");
        _link = Assert.Single(network.Links);
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public void SilentPeer_UntilDeadline_StillAvailable()
    {
        _link.Blackhole();

        _clock.Advance(TimeSpan.FromSeconds(4));

        Assert.Equal(AssociationState.Active, _serverSide.State);
        Assert.Equal(AssociationState.Active, _clientSide.State);
        Assert.True(_server.Handler.Terminated.IsEmpty());
    }

    [Fact]
    public async Task SilentPeer_PastDeadline_BothSidesDeclareTheLinkDeadAtTheNextTick()
    {
        _link.Blackhole();
        _clock.Advance(TimeSpan.FromSeconds(4));

        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(AssociationState.Terminated, _serverSide.State);
        Assert.Equal(AssociationState.Terminated, _clientSide.State);
        var (association, reason) = await _server.Handler.Terminated.NextAsync("the server's termination");
        Assert.Same(_serverSide, association);
        Assert.Contains("HeartbeatTimeout", reason, StringComparison.Ordinal);
        Assert.Contains("nothing heard from the peer for 5000 ms (deadline 4000 ms)", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthyLink_ManyIntervals_StaysUpBecauseHeartbeatsArrive()
    {
        for (var second = 1; second <= 20; second++)
        {
            var serverHeard = _serverSide.CurrentLink!.FramesReceived;
            var clientHeard = _clientSide.CurrentLink!.FramesReceived;

            _clock.Advance(TimeSpan.FromSeconds(1));

            // Each tick sends a heartbeat both ways; wait until both have arrived before the clock moves on.
            await Eventually.TrueAsync(() => _serverSide.CurrentLink!.FramesReceived > serverHeard, $"the client's heartbeat of second {second}");
            await Eventually.TrueAsync(() => _clientSide.CurrentLink!.FramesReceived > clientHeard, $"the server's heartbeat of second {second}");
        }

        Assert.Equal(AssociationState.Active, _serverSide.State);
        Assert.Equal(AssociationState.Active, _clientSide.State);
    }

    [Fact]
    public async Task OneWaySilence_ServerHearsNothing_ServerDeclaresDeadAndTellsTheClient()
    {
        _link.ClientToServer.Blackhole = true;

        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(AssociationState.Terminated, _serverSide.State);
        var (_, serverReason) = await _server.Handler.Terminated.NextAsync("the server's termination");
        Assert.Contains("HeartbeatTimeout", serverReason, StringComparison.Ordinal);

        // A failure-detector close says goodbye (best effort) and then resets the connection, as it
        // must for a peer that may be dead; a reset loses data still in flight, so on a loaded
        // machine the client sometimes learns from the reset before the goodbye reaches it (seen
        // once in three loaded solution runs). Either way it learns at once.
        var (_, reason) = await _client.Handler.Terminated.NextAsync("the client learning of it");
        Assert.True(
            reason.Contains("HeartbeatTimeout", StringComparison.Ordinal) || reason.StartsWith("Transport: inmem://host -> inmem://client", StringComparison.Ordinal),
            $"the client's reason names neither the server's heartbeat timeout nor the reset: {reason}");
    }

    [Fact]
    public void DeadlineFailureDetector_HeartBeat_ResetsTheDeadline()
    {
        var clock = new ManualTimeProvider();
        var detector = new DeadlineFailureDetector(TimeSpan.FromSeconds(4), clock);

        clock.Advance(TimeSpan.FromSeconds(3));
        detector.HeartBeat();
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.True(detector.IsAvailable);
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.False(detector.IsAvailable);
        Assert.Equal(TimeSpan.FromSeconds(4) + TimeSpan.FromTicks(1), detector.Silence);
    }
}
