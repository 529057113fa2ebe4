namespace RemoteIo.Actors.Kernel;

/// <summary>
/// Thrown inside an actor that received a <see cref="Terminated"/> for an actor it watched and did
/// not handle it: by watching, the actor said it cannot live without the other one.
/// </summary>
/// <param name="deadActor">The watched actor that terminated.</param>
public class DeathPactException(IActorRef deadActor)
    : Exception($"Monitored actor {deadActor} terminated and its Terminated message was not handled.")
{
    /// <summary>The watched actor that terminated.</summary>
    public IActorRef DeadActor { get; } = deadActor;
}
