using System.Collections.Concurrent;
using System.Threading.Channels;
using RemoteIo.Actors.Protocol.Remoting;
using RemoteIo.Actors.Remote.Links;

namespace RemoteIo.Actors.Remote.Tests.Support;

/// <summary>Records what a node reports, with awaitable streams for deliveries and events.</summary>
internal sealed class RecordingHandler : IRemoteNodeHandler
{
    /// <summary>Deliveries in arrival order.</summary>
    public Channel<(Association Association, InboundDelivery Delivery)> Deliveries { get; } = Channel.CreateUnbounded<(Association, InboundDelivery)>();

    /// <summary>Associations made or resumed.</summary>
    public Channel<(Association Association, bool Resumed)> Associated { get; } = Channel.CreateUnbounded<(Association, bool)>();

    /// <summary>Associations that went dormant.</summary>
    public Channel<(Association Association, LinkCloseInfo Info)> LinksLost { get; } = Channel.CreateUnbounded<(Association, LinkCloseInfo)>();

    /// <summary>Associations that terminated.</summary>
    public Channel<(Association Association, string Reason)> Terminated { get; } = Channel.CreateUnbounded<(Association, string)>();

    /// <summary>Rejections the peer reported.</summary>
    public Channel<DeliveryRejected> Rejected { get; } = Channel.CreateUnbounded<DeliveryRejected>();

    /// <summary>Messages that could not be sent.</summary>
    public ConcurrentQueue<(OutboundItem Item, string Reason)> Undeliverable { get; } = new();

    public void OnAssociated(Association association, bool resumed) => Associated.Writer.TryWrite((association, resumed));

    public void OnLinkLost(Association association, LinkCloseInfo info) => LinksLost.Writer.TryWrite((association, info));

    public void OnTerminated(Association association, string reason) => Terminated.Writer.TryWrite((association, reason));

    public void OnDelivery(Association association, in InboundDelivery delivery) => Deliveries.Writer.TryWrite((association, delivery));

    public void OnDeliveryRejected(Association association, DeliveryRejected rejected) => Rejected.Writer.TryWrite(rejected);

    /// <summary>Remote death-watch frames.</summary>
    public ConcurrentQueue<Frame> DeathWatchFrames { get; } = new();

    public void OnDeathWatch(Association association, Frame frame) => DeathWatchFrames.Enqueue(frame);

    public void OnUndeliverable(Association association, in OutboundItem item, string reason) => Undeliverable.Enqueue((item, reason));
}
