namespace RemoteIo.Actors.Kernel;

/// <summary>
/// The root guardian (<c>/</c>): watches <c>/user</c> and <c>/system</c>; when the user guardian
/// has stopped (all application actors are gone) it asks the system guardian to stop gracefully,
/// then stops itself once that has happened, which completes the actor system's termination.
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
            provider.SystemGuardian.Tell(SystemGuardianActor.StopGracefully.Instance, Self);
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

/// <summary>The <c>/user</c> guardian: parent of the application's top-level actors, with the default strategy.</summary>
internal sealed class GuardianActor : ActorBase
{
    /// <inheritdoc />
    protected override bool Receive(object message) => false;
}

/// <summary>
/// The <c>/system</c> guardian. At termination (after <c>/user</c> has stopped) it stops its
/// children with a <see cref="PoisonPill"/> rather than at once, so infrastructure actors (remote
/// endpoints, loggers, test probes) still process what the stopping application actors sent them,
/// then stops itself when the last one has terminated.
/// </summary>
internal sealed class SystemGuardianActor : ActorBase
{
    /// <summary>Children asked to stop and not yet terminated.</summary>
    private int _stopping;

    /// <inheritdoc />
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case StopGracefully when _stopping == 0:
                foreach (var child in Context.GetChildren())
                {
                    Context.Watch(child);
                    child.Tell(PoisonPill.Instance, Self);
                    _stopping++;
                }

                StopWhenDone();
                return true;
            case Terminated:
                _stopping--;
                StopWhenDone();
                return true;
            default:
                return false;
        }
    }

    /// <summary>Stops the guardian once no child is left.</summary>
    private void StopWhenDone()
    {
        if (_stopping <= 0)
        {
            Context.Stop(Self);
        }
    }

    /// <summary>Sent by the root guardian when the application's actors have stopped.</summary>
    internal sealed record StopGracefully
    {
        /// <summary>Only the singleton exists.</summary>
        private StopGracefully()
        {
        }

        /// <summary>The message.</summary>
        public static StopGracefully Instance { get; } = new();
    }
}
