namespace RemoteIo.Actors.Kernel;

/// <summary>
/// The receive-timeout timer's tick. Each arming creates a new one, so the cell can tell the
/// current timer's tick from a stale one; the cell then checks how long the actor has really been idle.
/// </summary>
internal sealed class ReceiveTimeoutTick : IAutoReceivedMessage
{
}
