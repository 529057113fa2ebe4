using RemoteIo.Actors.Kernel;

namespace RemoteIo.Actors.Hosting;

/// <summary>
/// Creates actors when the host starts (Akka.Hosting's <c>ActorStarter</c>): typically
/// <c>registry.Register&lt;MyKey&gt;(system.ActorOf(...))</c>, so services can receive the actor
/// through <see cref="IRequiredActor{TKey}"/>.
/// </summary>
/// <param name="system">The started actor system.</param>
/// <param name="registry">Where to publish the actors other services need.</param>
/// <param name="services">The host's services, to resolve what the actors depend on.</param>
public delegate void ActorStarter(ActorSystem system, ActorRegistry registry, IServiceProvider services);
