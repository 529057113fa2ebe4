using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RemoteIo.Actors.Hosting;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Pins;

namespace RemoteIo.Actors.Compat.Hosting;

/// <summary>
/// Runs the compatibility endpoints of a Generic Host (added by
/// <see cref="CompatServiceCollectionExtensions.AddCompatEndpoints"/>): when the host starts — after
/// the actor system and its pin domain — it reads <c>remoteio.compat</c> from the actor system's
/// configuration and starts the endpoints it enables; it stops them in the coordinated shutdown's
/// <c>service-unbind</c> phase (with the pins' own stop-accepting), so the sessions' soft closes
/// are drained by the pins' <c>service-requests-done</c> phase, and pigpio's notifier is disposed
/// once the listeners are closed.
/// </summary>
public sealed class CompatEndpointsService : IHostedService
{
    /// <summary>The coordinated-shutdown task's name.</summary>
    public const string ShutdownTaskName = "compat-endpoints-stop";

    /// <summary>The host's services.</summary>
    private readonly IServiceProvider _services;

    /// <summary>Finds the host's pin domain.</summary>
    private readonly Func<IServiceProvider, PinService?> _pins;

    /// <summary>Creates the service.</summary>
    /// <param name="services">The host's services (actor system, registry, logger factory).</param>
    /// <param name="pins">Finds the host's running pin domain once the actor system has started.</param>
    public CompatEndpointsService(IServiceProvider services, Func<IServiceProvider, PinService?> pins)
    {
        _services = services;
        _pins = pins;
    }

    /// <summary>The running endpoints once started; null before, and when <c>remoteio.compat</c> enables none.</summary>
    public CompatEndpoints? Endpoints { get; private set; }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var system = _services.GetRequiredService<ActorSystem>();
        var log = _services.GetRequiredService<ILoggerFactory>().CreateLogger("RemoteIo.Compat");
        var settings = CompatSettings.FromConfig(system.Settings.Config);
        if (!settings.PigpioEnabled && !settings.RemoteioEnabled)
        {
            log.LogInformation("Compatibility endpoints off (enable remoteio.compat.pigpio or remoteio.compat.remoteio)");
            return Task.CompletedTask;
        }

        var registry = _services.GetRequiredService<ActorRegistry>();
        if (!registry.TryGet<PinSupervisor>(out _) || _pins(_services) is not { } pins)
        {
            throw new InvalidOperationException(
                "the compatibility endpoints need the host's pin domain: call AddCompatEndpoints after AddActorSystem, whose start-up starts the PinService and registers the PinSupervisor");
        }

        var endpoints = CompatEndpoints.Start(pins, settings, _services.GetRequiredService<ILoggerFactory>());
        Endpoints = endpoints;
        CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseServiceUnbind, ShutdownTaskName, () => endpoints.StopAsync().AsTask());
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    /// <remarks>Nothing here: the endpoints stop in the actor system's coordinated shutdown, which the host's stop runs next.</remarks>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
