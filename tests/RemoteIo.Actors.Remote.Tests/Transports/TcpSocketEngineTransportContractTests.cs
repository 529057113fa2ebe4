using System.Net;
using RemoteIo.Actors.Remote.Transports;
using Xunit;

namespace RemoteIo.Actors.Remote.Tests.Transports;

/// <summary>
/// The transport contract over TCP with no receive threads (<see cref="TransportOptions.ReceiveThreads"/> 0):
/// every connection on the socket engine, as connections beyond the budget are.
/// </summary>
public sealed class TcpSocketEngineTransportContractTests : TransportContractTests
{
    protected override RemoteTransport Transport { get; } = RemoteTransport.Tcp(TransportOptions.Default.WithReceiveThreads(0));

    protected override ListenerExposure ExpectedExposure => ListenerExposure.Loopback;

    protected override EndPoint NewListenEndPoint() => TcpTransportContractTests.FreeLoopbackEndPoint();

    [Fact]
    public async Task Connections_NoReceiveThreads_BothEndsUseTheSocketEngine()
    {
        var (client, server) = await ConnectPairAsync();

        Assert.False(((SocketConnection)client).HasReceiveThread);
        Assert.False(((SocketConnection)server).HasReceiveThread);
    }
}
