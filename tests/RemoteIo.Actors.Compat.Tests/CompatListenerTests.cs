using System.Net;
using System.Net.Sockets;
using System.Text;
using RemoteIo.Actors.Compat.Pigpio;
using RemoteIo.Actors.Compat.RemoteioText;
using RemoteIo.Actors.Compat.Tests.Fakes;
using RemoteIo.Actors.Compat.Tests.Support;

namespace RemoteIo.Actors.Compat.Tests;

/// <summary>The TCP endpoint: loopback by default, an allow-list for anything else, a connection limit, and a stop that closes every session.</summary>
public sealed class CompatListenerTests : PigpioListenerTestBase
{
    [Fact]
    public async Task Start_Defaults_ServesPigpioOnLoopbackEphemeralPort()
    {
        using var client = await ConnectAsync();

        Assert.True(IPAddress.IsLoopback(Endpoint.Address));
        Assert.NotEqual(0, Endpoint.Port);
        Assert.Equal(79, await CommandAsync(client, PigpioCommand.PIGPV));
        Assert.Equal(0, await CommandAsync(client, PigpioCommand.WRITE, 17, 1));
        Assert.True(Board.LevelOf(17));
        Assert.True(IPAddress.IsLoopback(Board.Clients.Single()!.Address));
    }

    [Fact]
    public async Task Burst_TenThousandRequestsInOneWrite_RepliesCompleteAndInOrder()
    {
        using var client = await ConnectAsync();
        var burst = Enumerable.Range(0, 10_000).SelectMany(i => PigpioClient.Request(PigpioCommand.MODEG, (uint)(i % 54))).ToArray();

        await client.GetStream().WriteAsync(burst);
        var replies = new byte[10_000 * PigpioWire.ReplySize];
        await client.GetStream().ReadExactlyAsync(replies).AsTask().WaitAsync(PipeConnection.Patience);

        for (var i = 0; i < 10_000; i++)
        {
            var reply = replies.AsSpan(i * PigpioWire.ReplySize, PigpioWire.ReplySize);
            Assert.Equal((uint)(i % 54), PigpioWire.ReadRequest(reply).P1);
            Assert.Equal((int)PigpioMode.Input, PigpioWire.ReadReplyResult(reply));
        }
    }

    [Fact]
    public async Task Stop_ConnectedClient_ConnectionClosedAndSessionReleased()
    {
        using var client = await ConnectAsync();
        Assert.Equal(0, await CommandAsync(client, PigpioCommand.WRITE, 17, 1));

        await Listener.StopAsync();

        Assert.Equal(1, Board.SessionsClosed);
        Assert.Equal(0, Board.OwnerOf(17));
        Assert.Equal(0, await ReadAsync(client, new byte[16]));
    }

    [Fact]
    public async Task MaxConnections_OneMoreClient_ClosedOnArrivalFirstStillServed()
    {
        await using var limited = new CompatListener(Server, new CompatEndpointOptions().WithMaxConnections(1));
        var endpoint = limited.Start();
        using var first = await ConnectAsync(endpoint);
        Assert.Equal(79, await CommandAsync(first, PigpioCommand.PIGPV));

        using var second = await ConnectAsync(endpoint);

        Assert.Equal(0, await ReadAsync(second, new byte[16]));
        Assert.Equal(79, await CommandAsync(first, PigpioCommand.PIGPV));
    }

    [Fact]
    public void Options_NonLoopbackWithoutAllowedClients_RefusedWithReason()
    {
        var options = new CompatEndpointOptions().WithBindAddress(IPAddress.Any);

        var error = Assert.Throws<ArgumentException>(() => new CompatListener(Server, options));

        Assert.Contains("pigpio protocol has no authentication", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_NonLoopbackWithAllowedClients_Accepted()
    {
        var options = new CompatEndpointOptions().WithBindAddress(IPAddress.Any).WithAllowedClients(IPNetwork.Parse("192.168.1.0/24"));

        options.Validate("pigpio");

        Assert.True(options.Admits(IPAddress.Parse("192.168.1.38")));
        Assert.True(options.Admits(IPAddress.Parse("::ffff:192.168.1.38")));
        Assert.True(options.Admits(IPAddress.Loopback));
        Assert.False(options.Admits(IPAddress.Parse("10.0.0.5")));
    }

    [Theory]
    [InlineData(-1, 64)]
    [InlineData(65536, 64)]
    [InlineData(0, 0)]
    public void Options_OutOfRange_Refused(int port, int max) =>
        Assert.Throws<ArgumentException>(() => new CompatEndpointOptions().WithPort(port).WithMaxConnections(max).Validate("pigpio"));

    [Fact]
    public async Task RemoteioServer_OverTcp_AnswersCreate()
    {
        var host = new FakeRemoteioHost();
        await using var listener = new CompatListener(new RemoteioTextServer(host), new CompatEndpointOptions());
        using var client = await ConnectAsync(listener.Start());

        await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes("b 7 create 0 0.0 0.0 "));
        var reply = new byte[1];

        Assert.Equal(1, await ReadAsync(client, reply));
        Assert.Equal("!", Encoding.ASCII.GetString(reply));
    }

    private Task<TcpClient> ConnectAsync() => ConnectAsync(Endpoint);

    private static async Task<TcpClient> ConnectAsync(IPEndPoint endpoint)
    {
        var client = new TcpClient();
        await client.ConnectAsync(endpoint).WaitAsync(PipeConnection.Patience);
        return client;
    }

    private static async Task<int> CommandAsync(TcpClient client, PigpioCommand command, uint p1 = 0, uint p2 = 0)
    {
        await client.GetStream().WriteAsync(PigpioClient.Request(command, p1, p2));
        var reply = new byte[PigpioWire.ReplySize];
        await client.GetStream().ReadExactlyAsync(reply).AsTask().WaitAsync(PipeConnection.Patience);
        return PigpioWire.ReadReplyResult(reply);
    }

    private static async Task<int> ReadAsync(TcpClient client, byte[] buffer)
    {
        try
        {
            return await client.GetStream().ReadAsync(buffer).AsTask().WaitAsync(PipeConnection.Patience);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
