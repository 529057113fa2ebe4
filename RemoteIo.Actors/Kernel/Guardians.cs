namespace RemoteIo.Actors.Kernel;

/// <summary>
/// The root guardian (<c>/</c>): watches <c>/user</c> and <c>/system</c>; when the user guardian
/// has stopped (all application actors are gone) it stops the system guardian, then itself,
/// which completes the actor system's termination.
/// </summary>
/// <param name="provider">Gives the two guardians.</param>
internal sealed class RootGuardianActor(LocalActorRefProvider provider) : ActorBase
{
    /// <inheritdoc />
    protected override void PreStart()
    {
        Context.Watch(provider.UserGuardian);
        Context.Watch(provider.SystemGuardian);
    }

    /// <inheritdoc />
    protected override bool Receive(object message)
    {
        if (message is not Terminated terminated)
        {
            return false;
        }

        if (terminated.ActorRef.Equals(provider.UserGuardian))
        {
            Context.Stop(provider.SystemGuardian);
        }
        else if (terminated.ActorRef.Equals(provider.SystemGuardian))
        {
            Context.Stop(Self);
        }

        return true;
    }

    /// <inheritdoc />
    protected override SupervisorStrategy SupervisorStrategy() => Kernel.SupervisorStrategy.StoppingStrategy;
}

/// <summary>The <c>/user</c> and <c>/system</c> guardians: parents of top-level actors, with the default strategy.</summary>
internal sealed class GuardianActor : ActorBase
{
    /// <inheritdoc />
    protected override bool Receive(object message) => false;
}
