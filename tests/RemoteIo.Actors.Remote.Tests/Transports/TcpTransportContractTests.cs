using System.Net;
using System.Net.Sockets;
using RemoteIo.Actors.Remote.Tests.Support;
using RemoteIo.Actors.Remote.Transports;
using Xunit;

namespace RemoteIo.Actors.Remote.Tests.Transports;

/// <summary>The transport contract over real TCP sockets on 127.0.0.1, plus TCP specifics.</summary>
public sealed class TcpTransportContractTests : TransportContractTests
{
    protected override RemoteTransport Transport { get; } = RemoteTransport.Tcp();

    protected override ListenerExposure ExpectedExposure => ListenerExposure.Loopback;

    protected override EndPoint NewListenEndPoint() => FreeLoopbackEndPoint();

    /// <summary>A port that is free right now (bound and released), so "nothing listens" holds for Connect.</summary>
    internal static IPEndPoint FreeLoopbackEndPoint()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return new IPEndPoint(IPAddress.Loopback, ((IPEndPoint)probe.LocalEndPoint!).Port);
    }

    [Fact]
    public async Task Listen_AllInterfaces_ExposureIsNetwork()
    {
        await using var listener = await Transport.ListenAsync(new IPEndPoint(IPAddress.Any, 0));

        Assert.Equal(ListenerExposure.Network, listener.Exposure);
        Assert.Contains("bound to 0.0.0.0", listener.ExposureDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Abort_PeerReading_ReadFailsWithResetTransportException()
    {
        var (client, server) = await ConnectPairAsync();
        var reading = server.Input.ReadToEndAsync();

        client.Abort();

        var error = await Assert.ThrowsAsync<TransportException>(() => reading);
        Assert.Contains("reset", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connections_BothSides_HaveNoDelaySet()
    {
        var (client, server) = await ConnectPairAsync();

        Assert.True(((SocketConnection)client).Socket.NoDelay, "the connecting side must not wait to coalesce small frames");
        Assert.True(((SocketConnection)server).Socket.NoDelay, "the accepting side must not wait to coalesce small frames");
    }

    [Fact]
    public void DefaultTcpPort_Is8509LikeRemoteio() => Assert.Equal(8509, RemoteTransport.DefaultTcpPort);

    [Fact]
    public async Task Connect_LocalhostByName_Works()
    {
        var listener = await ListenAsync();
        var port = ((IPEndPoint)listener.LocalEndPoint).Port;
        var accepting = listener.AcceptAsync().AsTask();

        var client = Track(await Transport.ConnectAsync(new DnsEndPoint("localhost", port)));
        var server = Track((await accepting.WaitAsync(PipeTestExtensions.Guard))!);
        await client.Output.WriteAndFlushAsync([1]);

        Assert.Equal(new byte[] { 1 }, await server.Input.ReadExactlyAsync(1));
    }
}
