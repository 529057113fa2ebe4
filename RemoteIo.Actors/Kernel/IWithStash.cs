namespace RemoteIo.Actors.Kernel;

/// <summary>
/// Implemented by actors that stash messages to process them later (Akka's
/// <c>IWithUnboundedStash</c>): the kernel sets <see cref="Stash"/> after constructing the actor,
/// so use it from <c>PreStart</c> and <c>Receive</c> on, not in the constructor.
/// </summary>
public interface IWithStash
{
    /// <summary>The actor's stash (set by the kernel).</summary>
    IStash Stash { get; set; }
}
