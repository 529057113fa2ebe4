namespace RemoteIo.Actors.Kernel;

/// <summary>
/// Marks user messages the kernel handles before (or instead of) the actor's behaviour:
/// <see cref="PoisonPill"/>, <see cref="Kill"/>, <see cref="Identify"/>, death-watch
/// notifications and timer ticks. One interface test per message keeps the hot path cheap.
/// </summary>
internal interface IAutoReceivedMessage
{
}
