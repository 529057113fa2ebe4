namespace RemoteIo.Actors.Remote.Links;

/// <summary>The current link's writer, told by the outbound queue when a delivery was queued.</summary>
internal interface IOutboundDrainer
{
    /// <summary>
    /// A delivery was queued: write it soon — on this thread when possible (at the end of the
    /// actor's mailbox run when called from one), else by waking the write loop.
    /// </summary>
    void OnQueued();
}
