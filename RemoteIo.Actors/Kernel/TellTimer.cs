namespace RemoteIo.Actors.Kernel;

/// <summary>A <see cref="KernelTimer"/> that tells a pre-built message to an actor on each tick (no allocation per tick).</summary>
/// <param name="target">The recipient.</param>
/// <param name="message">The message sent on every tick.</param>
/// <param name="time">The clock.</param>
/// <param name="initialDelay">Time until the first tick.</param>
/// <param name="interval">The period, or <see cref="Timeout.InfiniteTimeSpan"/> for one tick.</param>
internal sealed class TellTimer(IActorRef target, object message, TimeProvider time, TimeSpan initialDelay, TimeSpan interval)
    : KernelTimer(time, initialDelay, interval)
{
    /// <summary>The message sent on every tick.</summary>
    public object Message => message;

    /// <inheritdoc />
    protected override void OnTick() => target.Tell(message, null);
}
