using RemoteIo.Actors.Compat.RemoteioText;
using RemoteIo.Actors.Compat.Tests.Fakes;
using RemoteIo.Actors.Compat.Tests.Support;

namespace RemoteIo.Actors.Compat.Tests.RemoteioText;

/// <summary>remoteio's replies, byte for byte, over one connection per client, against the fake host.</summary>
public sealed class RemoteioConnectionTests : IAsyncLifetime
{
    private const string Queued = "! command on execution-queue";
    private readonly FakeRemoteioHost _host = new();
    private readonly List<RemoteioClient> _clients = [];
    private RemoteioTextServer _server = null!;
    private RemoteioClient _client = null!;

    public Task InitializeAsync()
    {
        _server = new RemoteioTextServer(_host);
        _client = Connect();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task SeedExample_CreateOnBlinkPulseOffClose_AllAcceptedInOrder()
    {
        Assert.Equal("!", await _client.ExchangeAsync(RemoteioClient.Request("b", 7, "create"), "!"));
        Assert.Equal(Queued, await _client.ExchangeAsync(RemoteioClient.Request("b", 7, "on", 2000), Queued));
        Assert.Equal(Queued, await _client.ExchangeAsync(RemoteioClient.Request("b", 7, "blink", 0, 1, 1), Queued));
        Assert.Equal(Queued, await _client.ExchangeAsync(RemoteioClient.Request("b", 7, "pulse"), Queued));
        Assert.Equal(Queued, await _client.ExchangeAsync(RemoteioClient.Request("b", 7, "value", 4000, 0.1), Queued));
        Assert.Equal(Queued, await _client.ExchangeAsync(RemoteioClient.Request("b", 7, "off"), Queued));
        Assert.Equal(Queued, await _client.ExchangeAsync(RemoteioClient.Request("b", 7, "close"), Queued));

        Assert.Equal(
            ["create", "on", "blink", "pulse", "value", "off", "close"],
            _host.Log.Select(e => e.Command));
        Assert.All(_host.Log, e => Assert.Equal(4, e.Gpio));
        Assert.Equal(TimeSpan.FromSeconds(2), _host.Log[1].Duration);
        Assert.Equal(0.1, _host.Log[4].Arg1);
    }

    [Fact]
    public async Task CommandForPinNeverCreated_IgnoredWithRemoteiosExactText() =>
        Assert.Equal("? command ignored: on", await _client.ExchangeAsync(RemoteioClient.Request("b", 7, "on"), "? command ignored: on"));

    [Fact]
    public async Task CommandAfterClose_IgnoredWithRemoteiosExactText()
    {
        await _client.ExchangeAsync(RemoteioClient.Request("b", 7, "create"), "!");
        await _client.ExchangeAsync(RemoteioClient.Request("b", 7, "close"), Queued);

        Assert.Equal("? command ignored: blink", await _client.ExchangeAsync(RemoteioClient.Request("b", 7, "blink", 0, 1, 1), "? command ignored: blink"));
        Assert.Equal(["create", "close"], _host.Log.Select(e => e.Command));
    }

    [Fact]
    public async Task CreatePowerPin_CreationFailureNamingThePin()
    {
        const string expected = "? 2 Led creation failure: board pin 2 is 5V power, not a GPIO";

        Assert.Equal(expected, await _client.ExchangeAsync(RemoteioClient.Request("b", 2, "create"), expected));
    }

    [Fact]
    public async Task CreateSamePinThroughOtherNumbering_Duplicate()
    {
        await _client.ExchangeAsync(RemoteioClient.Request("b", 7, "create"), "!");
        const string expected = "? 4 Led creation failure: GPIO 4 (board pin 7) is already created on this connection";

        Assert.Equal(expected, await _client.ExchangeAsync(RemoteioClient.Request("g", 4, "create"), expected));
    }

    [Fact]
    public async Task CreatePinOwnedByOtherClient_BusyUntilItsOwnerLeaves()
    {
        var other = Connect();
        await _client.ExchangeAsync(RemoteioClient.Request("b", 7, "create"), "!");
        const string busy = "? 4 Led creation failure: GPIO 4 (board pin 7) is busy: claimed by another session";

        Assert.Equal(busy, await other.ExchangeAsync(RemoteioClient.Request("g", 4, "create"), busy));

        await _client.Connection.CloseAsync();
        Assert.Equal("!", await other.ExchangeAsync(RemoteioClient.Request("g", 4, "create"), "!"));
    }

    [Fact]
    public async Task MalformedRequest_ReasonThenConnectionLivesOn()
    {
        const string expected = "? malformed request: numbering must be 'b' or 'g', not 'q'";

        Assert.Equal(expected, await _client.ExchangeAsync("q 7 on 0 0 0 ", expected));
        Assert.Equal("!", await _client.ExchangeAsync(RemoteioClient.Request("b", 7, "create"), "!"));
    }

    [Fact]
    public async Task UnknownCommand_NothingEvaluatedAndConnectionLivesOn()
    {
        const string expected = "? unknown command '__class__' (expected create, on, off, blink, pulse, value or close)";

        Assert.Equal(expected, await _client.ExchangeAsync("b 7 __class__ 0 0 0 ", expected));
        Assert.Empty(_host.Log);
    }

    [Fact]
    public async Task SplitRequest_OneByteAtATime_OneReply()
    {
        foreach (var c in RemoteioClient.Request("b", 7, "create"))
        {
            await _client.SendAsync(c.ToString());
        }

        Assert.Equal("!", await _client.ReceiveAsync(1));
    }

    [Fact]
    public async Task CoalescedRequests_ThreeInOneWrite_ThreeRepliesInOrder()
    {
        await _client.SendAsync(RemoteioClient.Request("b", 7, "create") + RemoteioClient.Request("b", 7, "on", 100) + RemoteioClient.Request("b", 11, "on"));

        Assert.Equal("!" + Queued + "? command ignored: on", await _client.CloseAndReadRestAsync());
    }

    [Fact]
    public async Task ClientLeaves_SessionSoftClosedAndPinsReleased()
    {
        await _client.ExchangeAsync(RemoteioClient.Request("b", 7, "create"), "!");

        await _client.Connection.CloseAsync();

        Assert.Equal(1, _host.SessionsClosed);
        Assert.Equal(0, _host.OwnerOf(4));
    }

    [Fact]
    public async Task BackendThrows_RefusedWithReasonAndConnectionLivesOn()
    {
        var server = new RemoteioTextServer(new ThrowingBackend());
        await using var client = new RemoteioClient(server);
        const string expected = "? 7 on refused: the host could not take the command";

        Assert.Equal(expected, await client.ExchangeAsync(RemoteioClient.Request("b", 7, "on"), expected));
        Assert.Equal(expected, await client.ExchangeAsync(RemoteioClient.Request("b", 7, "on"), expected));
    }

    [Fact]
    public async Task BackendRefusesWithoutMessage_ReplyStillGivesAReason()
    {
        await using var client = new RemoteioClient(new RemoteioTextServer(new RefusingBackend()));
        const string expected = "? 7 Led creation failure: board pin 7 is busy";

        Assert.Equal(expected, await client.ExchangeAsync(RemoteioClient.Request("b", 7, "create"), expected));
    }

    private RemoteioClient Connect()
    {
        var client = new RemoteioClient(_server);
        _clients.Add(client);
        return client;
    }

    private sealed class RefusingBackend : IRemoteioBackend, IRemoteioSession
    {
        public IRemoteioSession OpenSession(System.Net.IPEndPoint? client) => this;

        public ValueTask<RemoteioOutcome> CreateAsync(RemoteioPin pin, CancellationToken cancellationToken) => new(new RemoteioOutcome(RemoteioOutcomeKind.Busy));

        public ValueTask<RemoteioOutcome> SubmitAsync(RemoteioRequest request, CancellationToken cancellationToken) => new(new RemoteioOutcome(RemoteioOutcomeKind.Busy));

        public ValueTask CloseAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private sealed class ThrowingBackend : IRemoteioBackend, IRemoteioSession
    {
        public IRemoteioSession OpenSession(System.Net.IPEndPoint? client) => this;

        public ValueTask<RemoteioOutcome> CreateAsync(RemoteioPin pin, CancellationToken cancellationToken) => throw new InvalidOperationException("fault");

        public ValueTask<RemoteioOutcome> SubmitAsync(RemoteioRequest request, CancellationToken cancellationToken) => throw new InvalidOperationException("fault");

        public ValueTask CloseAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
