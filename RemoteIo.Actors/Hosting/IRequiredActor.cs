using RemoteIo.Actors.Kernel;

namespace RemoteIo.Actors.Hosting;

/// <summary>
/// An actor a service depends on, injected by the container (Akka.Hosting's
/// <c>IRequiredActor&lt;TKey&gt;</c>): take it as a constructor parameter instead of looking the
/// actor up by path, and the dependency is visible in the service's signature.
/// </summary>
/// <typeparam name="TKey">The <see cref="ActorRegistry"/> key the actor is registered under.</typeparam>
public interface IRequiredActor<TKey>
{
    /// <summary>The actor, once registered.</summary>
    /// <exception cref="MissingActorRegistryEntryException">The host has not registered it (yet).</exception>
    IActorRef ActorRef { get; }

    /// <summary>The actor, waiting until a start-up step registers it.</summary>
    /// <param name="cancellationToken">Ends the wait.</param>
    /// <returns>The actor.</returns>
    Task<IActorRef> GetAsync(CancellationToken cancellationToken = default);
}
