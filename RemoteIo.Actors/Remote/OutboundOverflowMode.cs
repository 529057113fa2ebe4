namespace RemoteIo.Actors.Remote;

/// <summary>
/// What a Tell to a remote actor does when its association's outbound queue is full. Nothing is
/// ever dropped silently. (Asynchronous senders can always wait for room without blocking a thread.)
/// </summary>
public enum OutboundOverflowMode
{
    /// <summary>
    /// The message is refused at once: logged, published as a dead letter and reported to its
    /// sender as a failure. The default, because a Tell must not block.
    /// </summary>
    Fail,

    /// <summary>
    /// The sending thread blocks until there is room, up to <see cref="RemoteSettings.OutboundWaitTimeout"/>
    /// (backpressure), then the message is refused as in <see cref="Fail"/>. Blocking thread-pool
    /// threads can starve the very I/O that would make room: use it only with few senders, or
    /// senders on their own threads.
    /// </summary>
    Wait,
}
