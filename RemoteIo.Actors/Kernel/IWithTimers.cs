namespace RemoteIo.Actors.Kernel;

/// <summary>
/// Implemented by actors that use keyed timers; the kernel sets <see cref="Timers"/> after
/// constructing the actor. Timers are cancelled when the actor restarts or stops.
/// </summary>
public interface IWithTimers
{
    /// <summary>The actor's timers (set by the kernel).</summary>
    ITimerScheduler Timers { get; set; }
}
