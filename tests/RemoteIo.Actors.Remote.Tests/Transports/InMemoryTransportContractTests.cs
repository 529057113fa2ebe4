using System.Net;
using RemoteIo.Actors.Remote.Tests.Support;
using RemoteIo.Actors.Remote.Transports;
using Xunit;

namespace RemoteIo.Actors.Remote.Tests.Transports;

/// <summary>The transport contract over the in-memory transport (faults off).</summary>
public sealed class InMemoryTransportContractTests : TransportContractTests
{
    /// <summary>Numbers endpoint names.</summary>
    private int _next;

    /// <summary>The network of this test.</summary>
    public InMemoryNetwork Network { get; } = new();

    protected override RemoteTransport Transport => RemoteTransport.InMemory(Network);

    protected override ListenerExposure ExpectedExposure => ListenerExposure.InProcess;

    protected override EndPoint NewListenEndPoint() => new InMemoryEndPoint($"host-{++_next}");

    [Fact]
    public async Task Cut_PeerReading_ReadFailsWithTransportException()
    {
        var (client, server) = await ConnectPairAsync();
        var reading = server.Input.ReadToEndAsync();

        Assert.Single(Network.Links).Cut();

        var error = await Assert.ThrowsAsync<TransportException>(() => reading);
        Assert.Contains("cut", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<TransportException>(() => client.Input.ReadToEndAsync());
    }

    [Fact]
    public async Task DropNextFrames_Two_ExactlyThoseFramesAreMissing()
    {
        var (client, server) = await ConnectPairAsync();
        var link = Assert.Single(Network.Links);
        link.ClientToServer.DropNextFrames(2);

        // Five frames: length prefix 2, then 2 body bytes each.
        for (byte i = 1; i <= 5; i++)
        {
            await client.Output.WriteAndFlushAsync([2, i, i]);
        }

        Assert.Equal(new byte[] { 2, 3, 3, 2, 4, 4, 2, 5, 5 }, await server.Input.ReadExactlyAsync(9));
        Assert.Equal(2, link.ClientToServer.FramesDropped);
        Assert.Equal(3, link.ClientToServer.FramesForwarded);
    }

    [Fact]
    public async Task Blackhole_WhileOn_NothingArrivesAndAfterwardsFramesFlowAgain()
    {
        var (client, server) = await ConnectPairAsync();
        var link = Assert.Single(Network.Links);

        link.Blackhole();
        await client.Output.WriteAndFlushAsync([1, 9]);
        await Eventually.TrueAsync(() => link.ClientToServer.FramesDropped == 1, "the relay dropped the frame");
        link.Blackhole(on: false);
        await client.Output.WriteAndFlushAsync([1, 7]);

        Assert.Equal(new byte[] { 1, 7 }, await server.Input.ReadExactlyAsync(2));
        Assert.Equal(1, link.ClientToServer.FramesDropped);
    }

    [Fact]
    public async Task Delay_OnManualClock_FramesArriveOnlyWhenTheClockReachesTheDelay()
    {
        var clock = new RemoteIo.TestKit.ManualTimeProvider();
        var network = new InMemoryNetwork(clock);
        var transport = RemoteTransport.InMemory(network);
        await using var listener = await transport.ListenAsync(new InMemoryEndPoint("delayed"));
        network.LinkOpened += link => link.ClientToServer.Delay = TimeSpan.FromMilliseconds(100);
        var accepting = listener.AcceptAsync().AsTask();
        var client = Track(await transport.ConnectAsync(listener.LocalEndPoint));
        var server = Track((await accepting.WaitAsync(PipeTestExtensions.Guard))!);

        await client.Output.WriteAndFlushAsync([1, 5]);
        var reading = server.Input.ReadExactlyAsync(2);
        await Eventually.TrueAsync(() => clock.PendingTimerCount > 0, "the relay armed its delay timer");
        clock.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(reading.IsCompleted, "the frame must not arrive before its delay");
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(new byte[] { 1, 5 }, await reading);
    }
}
