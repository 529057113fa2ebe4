using Microsoft.Extensions.DependencyInjection;
using RemoteIo.Actors.Pins;

namespace RemoteIo.Actors.Compat.Hosting;

/// <summary>
/// Adds the compatibility endpoints (pigpio, remoteio text) to a Generic Host that runs an actor
/// system with the pin domain:
/// <code>
/// services.AddActorSystem(...);   // its start-up starts the PinService
/// services.AddCompatEndpoints(sp => sp.GetRequiredService&lt;HostPins&gt;().Service);
/// </code>
/// Which endpoints run, and where, comes from <c>remoteio.compat</c> (both off by default).
/// </summary>
public static class CompatServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CompatEndpointsService"/> (a singleton and a hosted service, started after
    /// the services registered before it). Adding it again changes nothing, so a host and a test that
    /// both add it still run one set of endpoints.
    /// </summary>
    /// <param name="services">The host's services, with the actor system already added.</param>
    /// <param name="pins">Finds the host's running pin domain once the actor system has started.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddCompatEndpoints(this IServiceCollection services, Func<IServiceProvider, PinService?> pins)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(pins);
        if (services.Any(d => d.ServiceType == typeof(CompatEndpointsService)))
        {
            return services;
        }

        services.AddSingleton(sp => new CompatEndpointsService(sp, pins));
        services.AddHostedService(sp => sp.GetRequiredService<CompatEndpointsService>());
        return services;
    }
}
