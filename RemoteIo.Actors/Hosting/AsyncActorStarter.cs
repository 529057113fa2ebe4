using RemoteIo.Actors.Kernel;

namespace RemoteIo.Actors.Hosting;

/// <summary>
/// A start-up step that has to wait for something (binding a listener, connecting to a peer,
/// asking an actor) before the next step runs; the host does not report itself started until it
/// has completed.
/// </summary>
/// <param name="system">The started actor system.</param>
/// <param name="registry">Where to publish the actors other services need.</param>
/// <param name="services">The host's services.</param>
/// <param name="cancellationToken">Cancelled when the host gives up starting.</param>
/// <returns>Completes when the step is done.</returns>
public delegate Task AsyncActorStarter(ActorSystem system, ActorRegistry registry, IServiceProvider services, CancellationToken cancellationToken);
