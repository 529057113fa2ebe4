using System.Net;
using System.Net.Sockets;
using RemoteIo.Actors.Remote.Links;
using RemoteIo.Actors.Remote.Tests.Messages;
using RemoteIo.Actors.Remote.Tests.Support;
using RemoteIo.Actors.Remote.Transports;
using Xunit;
using Xunit.Abstractions;

namespace RemoteIo.Actors.Remote.Tests.Links;

/// <summary>Ordered, lossless delivery under load over real sockets, and at-most-once loss made visible.</summary>
public sealed class DeliveryTests(ITestOutputHelper output) : NodeTests(output)
{
    /// <summary>The seeds' reliability bar: more than ten thousand messages without loss.</summary>
    private const int Count = 10_000;

    [Fact]
    public async Task TenThousandMessages_OneTcpLink_ArriveInOrderNoneLostAndRepliesToo()
    {
        var tcp = RemoteTransport.Tcp();
        var server = Node("server", RemoteSettings.Default, logged: true);
        var endPoint = (await server.ListenAsync(tcp, new IPEndPoint(IPAddress.Loopback, 0))).LocalEndPoint;
        var client = Node("client", RemoteSettings.Default, logged: false);
        var association = await client.ConnectAsync(tcp, endPoint);

        await RoundTripAsync(server, client, association);
    }

    [Fact]
    public async Task TenThousandMessages_OneUnixSocketLink_ArriveInOrderNoneLost()
    {
        var directory = Directory.CreateTempSubdirectory("remoteio-delivery-");
        try
        {
            var uds = RemoteTransport.UnixSocket();
            var endPoint = new UnixDomainSocketEndPoint(Path.Combine(directory.FullName, "host.sock"));
            var server = Node("server", RemoteSettings.Default, logged: true);
            await server.ListenAsync(uds, endPoint);
            var client = Node("client", RemoteSettings.Default, logged: false);
            var association = await client.ConnectAsync(uds, endPoint);

            await RoundTripAsync(server, client, association);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task TenThousandMessagesEach_SixteenConcurrentTcpLinks_EachInOrderNoneLost()
    {
        var tcp = RemoteTransport.Tcp();
        var server = Node("server", PatientHeartbeat.Settings, logged: true);
        var endPoint = (await server.ListenAsync(tcp, new IPEndPoint(IPAddress.Loopback, 0))).LocalEndPoint;
        var clients = Enumerable.Range(0, 16).Select(i => Node($"client{i}", PatientHeartbeat.Settings, logged: false)).ToArray();
        var associations = await Task.WhenAll(clients.Select(c => c.ConnectAsync(tcp, endPoint)));

        await Task.WhenAll(associations.Select(a => Task.Run(async () =>
        {
            for (var i = 1; i <= Count; i++)
            {
                Assert.Equal(EnqueueResult.Enqueued, await TestNode.SendAsync(a, new Ping { Number = (ulong)i }));
            }
        })));

        var next = new Dictionary<string, ulong>();
        for (var received = 0; received < 16 * Count; received++)
        {
            var (from, delivery) = await server.Handler.Deliveries.NextAsync($"delivery {received} of {16 * Count}");
            var expected = next.GetValueOrDefault(from.Info.ClientId) + 1;
            Assert.Equal(expected, ((Ping)delivery.Message).Number);
            Assert.Equal(expected, delivery.Sequence);
            next[from.Info.ClientId] = expected;
        }

        Assert.Equal(16, next.Count);
        Assert.All(next.Values, last => Assert.Equal((ulong)Count, last));
        Assert.All(server.Node.Associations, a => Assert.Equal(0, a.DeliveriesLost));
    }

    [Fact]
    public async Task DroppedFrame_AtMostOnce_ReceiverSeesTheSequenceGapAndLogsIt()
    {
        var network = new InMemoryNetwork();
        var transport = RemoteTransport.InMemory(network);
        var server = Node("server", RemoteSettings.Default, logged: true);
        await server.ListenAsync(transport, new InMemoryEndPoint("host"));
        var client = Node("client", RemoteSettings.Default, logged: false);
        var association = await client.ConnectAsync(transport, new InMemoryEndPoint("host"));
        var (serverSide, _) = await server.Handler.Associated.NextAsync("the association");

        TestNode.Send(association, new Ping { Number = 1 });
        await server.Handler.Deliveries.NextAsync("the first message");
        Assert.Single(network.Links).ClientToServer.DropNextFrames(1);
        TestNode.Send(association, new Ping { Number = 2 });
        TestNode.Send(association, new Ping { Number = 3 });

        var (_, third) = await server.Handler.Deliveries.NextAsync("the message after the lost one");
        Assert.Equal(3ul, ((Ping)third.Message).Number);
        Assert.Equal(1, serverSide.DeliveriesLost);
        Assert.True(server.Log.Contains(RemoteLogLevel.Warning, "1 deliveries lost with a broken connection (sequence 2 to 2)"));
    }

    /// <summary>Client sends Count pings; the server answers each with a pong; both streams must be complete and ordered.</summary>
    private static async Task RoundTripAsync(TestNode server, TestNode client, Association association)
    {
        var sending = Task.Run(async () =>
        {
            for (var i = 1; i <= Count; i++)
            {
                Assert.Equal(EnqueueResult.Enqueued, await TestNode.SendAsync(association, new Ping { Number = (ulong)i, Text = "on" }));
            }
        });

        for (var i = 1; i <= Count; i++)
        {
            var (from, delivery) = await server.Handler.Deliveries.NextAsync($"ping {i}");
            Assert.Equal((ulong)i, ((Ping)delivery.Message).Number);
            Assert.Equal((ulong)i, delivery.Sequence);
            Assert.Equal("/user/echo", delivery.Recipient);
            Assert.Equal("/user/test", delivery.Sender);
            Assert.Equal(EnqueueResult.Enqueued, await TestNode.SendAsync(from, new Pong { Number = (ulong)i }, recipient: delivery.Sender, sender: delivery.Recipient));
        }

        await sending;
        for (var i = 1; i <= Count; i++)
        {
            var (_, reply) = await client.Handler.Deliveries.NextAsync($"pong {i}");
            Assert.Equal((ulong)i, ((Pong)reply.Message).Number);
        }

        Assert.Equal(0, association.DeliveriesLost);
    }

}
