using System.Net;
using RemoteIo.Actors.Remote.Tests.Support;
using RemoteIo.Actors.Remote.Transports;
using Xunit;

namespace RemoteIo.Actors.Remote.Tests.Transports;

/// <summary>
/// The contract every <see cref="RemoteTransport"/> honours, run against each implementation by
/// the derived classes (TCP on 127.0.0.1, Unix sockets in a temp directory, in-memory).
/// </summary>
public abstract class TransportContractTests : IAsyncLifetime
{
    /// <summary>Listeners and connections opened by a test, closed after it.</summary>
    private readonly OpenTransports _open = new();

    /// <summary>The transport under test.</summary>
    protected abstract RemoteTransport Transport { get; }

    /// <summary>A fresh endpoint to listen on.</summary>
    protected abstract EndPoint NewListenEndPoint();

    /// <summary>The exposure a listener on <see cref="NewListenEndPoint"/> reports.</summary>
    protected abstract ListenerExposure ExpectedExposure { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _open.DisposeAsync();

    [Fact]
    public async Task Connect_ToListener_BytesFlowBothWaysInOrder()
    {
        var (client, server) = await ConnectPairAsync();

        await client.Output.WriteAndFlushAsync([1, 2, 3, 4, 5]);
        await server.Output.WriteAndFlushAsync([9, 8, 7]);

        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, await server.Input.ReadExactlyAsync(5));
        Assert.Equal(new byte[] { 9, 8, 7 }, await client.Input.ReadExactlyAsync(3));
    }

    [Fact]
    public async Task LargeTransfer_ManyWritesAndFlushes_ArrivesIntactAndInOrder()
    {
        var (client, server) = await ConnectPairAsync();
        var data = new byte[3 * 1024 * 1024 + 17];
        new Random(42).NextBytes(data);

        var reading = server.Input.ReadExactlyAsync(data.Length);
        for (var offset = 0; offset < data.Length; offset += 50_000)
        {
            await client.Output.WriteAsync(data.AsMemory(offset, Math.Min(50_000, data.Length - offset)));
        }

        Assert.Equal(data, await reading);
    }

    [Fact]
    public async Task CompleteOutput_AfterData_PeerReadsDataThenEnd()
    {
        var (client, server) = await ConnectPairAsync();

        await client.Output.WriteAndFlushAsync([42, 43]);
        await client.Output.CompleteAsync();

        Assert.Equal(new byte[] { 42, 43 }, await server.Input.ReadToEndAsync());
    }

    [Fact]
    public async Task DisposeAsync_AfterData_PeerReadsDataThenEnd()
    {
        var (client, server) = await ConnectPairAsync();

        await client.Output.WriteAndFlushAsync([7, 7, 7]);
        var disposing = client.DisposeAsync().AsTask();
        Assert.Equal(new byte[] { 7, 7, 7 }, await server.Input.ReadToEndAsync());
        await server.DisposeAsync();
        await disposing.WaitAsync(PipeTestExtensions.Guard);
    }

    [Fact]
    public async Task Abort_PeerReading_PeerInputEndsWithoutTheUnsentData()
    {
        var (client, server) = await ConnectPairAsync();
        var reading = server.Input.ReadToEndAsync();

        client.Abort();

        // TCP and in-memory report a reset; a Unix socket has no reset and simply ends.
        try
        {
            Assert.Empty(await reading);
        }
        catch (TransportException)
        {
        }
    }

    [Fact]
    public async Task Abort_Locally_OwnInputEndsAndOutputStopsAccepting()
    {
        var (client, _) = await ConnectPairAsync();

        client.Abort();

        await Assert.ThrowsAsync<TransportException>(() => client.Input.ReadToEndAsync());
        var flushed = await WriteUntilCompletedAsync(client);
        Assert.True(flushed, "writes after an abort must end with a completed flush or an error, not hang");
    }

    [Fact]
    public async Task Connect_NothingListening_ThrowsTransportException()
    {
        var endPoint = NewListenEndPoint();

        var error = await Assert.ThrowsAsync<TransportException>(() => Transport.ConnectAsync(endPoint).AsTask());

        Assert.Contains("cannot connect", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listen_EndPointInUse_ThrowsTransportException()
    {
        var listener = await ListenAsync();

        await Assert.ThrowsAsync<TransportException>(() => Transport.ListenAsync(listener.LocalEndPoint).AsTask());
    }

    [Fact]
    public async Task DisposeListener_WhileAccepting_AcceptReturnsNull()
    {
        var listener = await ListenAsync();
        var accepting = listener.AcceptAsync().AsTask();

        await listener.DisposeAsync();

        Assert.Null(await accepting.WaitAsync(PipeTestExtensions.Guard));
    }

    [Fact]
    public async Task DisposeListener_OpenConnection_StaysUsable()
    {
        var listener = await ListenAsync();
        var accepting = listener.AcceptAsync().AsTask();
        var client = Track(await Transport.ConnectAsync(listener.LocalEndPoint));
        var server = Track((await accepting.WaitAsync(PipeTestExtensions.Guard))!);

        await listener.DisposeAsync();
        await client.Output.WriteAndFlushAsync([5]);

        Assert.Equal(new byte[] { 5 }, await server.Input.ReadExactlyAsync(1));
    }

    [Fact]
    public async Task SixteenConnections_Concurrently_EachCarriesItsOwnBytes()
    {
        var listener = await ListenAsync();
        var pairs = new List<(TransportConnection Client, TransportConnection Server)>();
        for (var i = 0; i < 16; i++)
        {
            var accepting = listener.AcceptAsync().AsTask();
            var client = Track(await Transport.ConnectAsync(listener.LocalEndPoint));
            pairs.Add((client, Track((await accepting.WaitAsync(PipeTestExtensions.Guard))!)));
        }

        await Task.WhenAll(pairs.Select((pair, i) => pair.Client.Output.WriteAndFlushAsync(Enumerable.Repeat((byte)i, 1000).ToArray())));
        var received = await Task.WhenAll(pairs.Select(pair => pair.Server.Input.ReadExactlyAsync(1000)));

        for (var i = 0; i < 16; i++)
        {
            Assert.All(received[i], b => Assert.Equal((byte)i, b));
        }
    }

    [Fact]
    public async Task Listener_Exposure_IsReportedWithADescription()
    {
        var listener = await ListenAsync();

        Assert.Equal(ExpectedExposure, listener.Exposure);
        Assert.False(string.IsNullOrWhiteSpace(listener.ExposureDescription));
    }

    /// <summary>Listens on a fresh endpoint (disposed after the test).</summary>
    protected async Task<TransportListener> ListenAsync()
    {
        return _open.Add(await Transport.ListenAsync(NewListenEndPoint()));
    }

    /// <summary>Opens one connection and returns both ends.</summary>
    protected async Task<(TransportConnection Client, TransportConnection Server)> ConnectPairAsync()
    {
        var listener = await ListenAsync();
        var accepting = listener.AcceptAsync().AsTask();
        var client = Track(await Transport.ConnectAsync(listener.LocalEndPoint));
        var server = Track((await accepting.WaitAsync(PipeTestExtensions.Guard))!);
        return (client, server);
    }

    /// <summary>Registers a connection for clean-up.</summary>
    protected TransportConnection Track(TransportConnection connection) => _open.Add(connection);

    /// <summary>Writes until a flush reports completion or throws; false if it never does.</summary>
    private static async Task<bool> WriteUntilCompletedAsync(TransportConnection connection)
    {
        try
        {
            for (var i = 0; i < 1000; i++)
            {
                var flush = await connection.Output.WriteAsync(new byte[64 * 1024]).AsTask().WaitAsync(PipeTestExtensions.Guard);
                if (flush.IsCompleted)
                {
                    return true;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            return true;
        }

        return false;
    }
}
