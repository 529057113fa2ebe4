using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RemoteIo.Actors.Kernel;

namespace RemoteIo.Actors.Hosting;

/// <summary>
/// Adds an actor system to a Generic Host (Akka.Hosting's <c>AddAkka</c>):
/// <code>
/// services.AddActorSystem("host", builder => builder
///     .WithConfig(ConfigurationFactory.Load("hocon/host.conf", overrides))
///     .WithActors((system, registry, services) => registry.Register&lt;PinsKey&gt;(system.ActorOf(props, "pins"))));
/// </code>
/// The container then offers <see cref="ActorSystem"/>, <see cref="ActorRegistry"/>,
/// <see cref="IRequiredActor{TKey}"/> and (once started with
/// <see cref="ActorSystemBuilder.WithRemoting"/>) <see cref="Remote.Remoting"/>; a hosted service starts the system with the host and runs
/// its <see cref="CoordinatedShutdown"/> when the host stops.
/// </summary>
public static class ActorSystemServiceCollectionExtensions
{
    /// <summary>Adds the actor system <paramref name="name"/>, configured by <paramref name="configure"/>.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="name">The system's name: letters, digits, '-' and '_'.</param>
    /// <param name="configure">Describes the system (called once, when the system is first needed).</param>
    /// <returns>The services.</returns>
    /// <exception cref="ArgumentException">The name is not a valid actor system name.</exception>
    /// <exception cref="InvalidOperationException">An actor system was already added.</exception>
    public static IServiceCollection AddActorSystem(this IServiceCollection services, string name, Action<ActorSystemBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddActorSystem(name, (builder, _) => configure(builder));
    }

    /// <summary>
    /// Adds the actor system <paramref name="name"/>, configured by <paramref name="configure"/>
    /// with access to the host's services (e.g. to read options).
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="name">The system's name: letters, digits, '-' and '_'.</param>
    /// <param name="configure">Describes the system (called once, when the system is first needed).</param>
    /// <returns>The services.</returns>
    /// <exception cref="ArgumentException">The name is not a valid actor system name.</exception>
    /// <exception cref="InvalidOperationException">An actor system was already added.</exception>
    public static IServiceCollection AddActorSystem(this IServiceCollection services, string name, Action<ActorSystemBuilder, IServiceProvider> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        if (!ActorSystem.IsValidName(name))
        {
            throw new ArgumentException($"Invalid actor system name [{name}]: it must start with a letter or digit and contain only letters, digits, '-' and '_'.", nameof(name));
        }

        if (services.Any(d => d.ServiceType == typeof(ActorSystemRuntime)))
        {
            throw new InvalidOperationException("An actor system was already added to these services; a host runs one actor system.");
        }

        services.AddSingleton(sp => new ActorSystemRuntime(name, configure, sp));
        services.AddSingleton(sp => sp.GetRequiredService<ActorSystemRuntime>().System);
        services.AddSingleton(sp => Remote.Remoting.Get(sp.GetRequiredService<ActorSystem>()));
        services.TryAddSingleton<ActorRegistry>();
        services.TryAddSingleton(typeof(IRequiredActor<>), typeof(RequiredActor<>));
        services.AddHostedService<ActorSystemHostedService>();
        return services;
    }
}
