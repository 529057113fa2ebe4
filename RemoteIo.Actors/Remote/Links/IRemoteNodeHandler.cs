using RemoteIo.Actors.Protocol.Remoting;

namespace RemoteIo.Actors.Remote.Links;

/// <summary>What the node reports to the layer above it (the actor system's Remoting extension, or a test).</summary>
internal interface IRemoteNodeHandler
{
    /// <summary>An association was established, or resumed on a new link.</summary>
    /// <param name="association">The association.</param>
    /// <param name="resumed">True when an existing association got a new link.</param>
    void OnAssociated(Association association, bool resumed);

    /// <summary>An association lost its link and waits (grace period) for it to come back.</summary>
    /// <param name="association">The association.</param>
    /// <param name="info">Why the link closed.</param>
    void OnLinkLost(Association association, LinkCloseInfo info);

    /// <summary>An association ended for good.</summary>
    /// <param name="association">The association.</param>
    /// <param name="reason">Why.</param>
    void OnTerminated(Association association, string reason);

    /// <summary>A message arrived for a local actor.</summary>
    /// <param name="association">Where it came from.</param>
    /// <param name="delivery">The message.</param>
    void OnDelivery(Association association, in InboundDelivery delivery);

    /// <summary>The peer could not hand one of our messages to an actor.</summary>
    /// <param name="association">The association.</param>
    /// <param name="rejected">The peer's report.</param>
    void OnDeliveryRejected(Association association, DeliveryRejected rejected);

    /// <summary>The peer sent a remote death-watch frame (WatchRequest, UnwatchRequest or WatchTerminated).</summary>
    /// <param name="association">The association.</param>
    /// <param name="frame">The frame.</param>
    void OnDeathWatch(Association association, Frame frame);

    /// <summary>One of our messages could not be sent (queue full, too large, association terminated).</summary>
    /// <param name="association">The association.</param>
    /// <param name="item">The message.</param>
    /// <param name="reason">Why.</param>
    void OnUndeliverable(Association association, in OutboundItem item, string reason);
}
