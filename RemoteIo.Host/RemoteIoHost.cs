using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RemoteIo.Actors.Compat.Hosting;
using RemoteIo.Actors.Configuration;
using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Hosting;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Remote;
using RemoteIo.Host.Gpio;
using RemoteIo.Host.Hosting;

namespace RemoteIo.Host;

/// <summary>
/// Builds the RemoteIo host: a Generic Host whose actor system (built with
/// <see cref="ActorSystemServiceCollectionExtensions.AddActorSystem(IServiceCollection, string, Action{ActorSystemBuilder, IServiceProvider})"/>)
/// owns the GPIO driver and the pins and serves them over remoting, plus the compatibility
/// endpoints (pigpio, remoteio text) that <c>remoteio.compat</c> enables. The executable calls it
/// with its command line; tests and simulations call it in-process.
/// </summary>
public static class RemoteIoHost
{
    /// <summary>Loads the layered configuration: reference.conf, the file, then the overrides.</summary>
    /// <param name="options">The launch options.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ConfigurationException">The file is missing or a layer is invalid.</exception>
    public static Config LoadConfig(HostLaunchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ConfigurationFactory.Load(options.ConfigPath, options.Overrides);
    }

    /// <summary>Builds (does not start) the host.</summary>
    /// <param name="options">Configuration file, overrides, clock.</param>
    /// <param name="configureServices">Extra service registrations (tests add log capture here).</param>
    /// <returns>The host; <c>StartAsync</c> brings it up, <c>StopAsync</c> shuts it down gracefully.</returns>
    /// <exception cref="ConfigurationException">A setting is invalid (the message names it).</exception>
    public static IHost Build(HostLaunchOptions options, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var started = Stopwatch.GetTimestamp();
        StartWarmUp.Start();
        var config = LoadConfig(options);
        var settings = HostSettings.FromConfig(config);
        var gpio = GpioOptionsConfig.FromConfig(config);
        _ = RemoteSettings.FromConfig(config); // a bad secret file or port fails here, before anything starts
        var time = options.TimeProvider ?? TimeProvider.System;

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ApplicationName = "remoteio-host",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddHocon(config);
        HostLogging.Configure(builder.Logging, settings);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.ShutdownTimeout);

        var services = builder.Services;
        services.AddSingleton(config);
        services.AddSingleton(settings);
        services.AddSingleton(gpio);
        services.AddSingleton(time);
        services.AddSingleton(new HostStartClock(started));
        services.AddSingleton(sp =>
        {
            var gpioLog = sp.GetRequiredService<ILoggerFactory>().CreateLogger("RemoteIo.Host.Gpio");
            return GpioDriverFactory.Create(gpio, time, line => HostLog.GpioDriverChosen(gpioLog, line));
        });
        services.AddSingleton<TransitionLogWriter>();
        services.AddSingleton<HostEndpoints>();
        services.AddSingleton<HostPins>();
        services.AddActorSystem(settings.SystemName, (system, sp) => HostActors.Configure(system, sp, config));
        services.AddCompatEndpoints(sp => sp.GetRequiredService<HostPins>().Service);
        services.AddHostedService<TransitionLogSignalService>();
        configureServices?.Invoke(services);
        return builder.Build();
    }

    /// <summary>Builds and starts a host, returning once it accepts connections.</summary>
    /// <param name="options">Configuration file, overrides, clock.</param>
    /// <param name="configureServices">Extra service registrations.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running host.</returns>
    public static async Task<IHost> StartAsync(HostLaunchOptions options, Action<IServiceCollection>? configureServices = null, CancellationToken cancellationToken = default)
    {
        var host = Build(options, configureServices);
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>The bound endpoints of a started host.</summary>
    /// <param name="host">A host built by <see cref="Build"/>.</param>
    /// <returns>Its endpoints.</returns>
    public static HostEndpoints Endpoints(this IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.Services.GetRequiredService<HostEndpoints>();
    }

    /// <summary>The actor system of a host.</summary>
    /// <param name="host">A host built by <see cref="Build"/>.</param>
    /// <returns>Its actor system.</returns>
    public static ActorSystem ActorSystem(this IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.Services.GetRequiredService<ActorSystem>();
    }

    /// <summary>Formats an endpoint for a log line: <c>tcp://127.0.0.1:8509</c> or <c>unix:/run/remoteio.sock</c>.</summary>
    /// <param name="endPoint">The endpoint.</param>
    /// <returns>The text.</returns>
    internal static string Describe(EndPoint endPoint) => endPoint switch
    {
        IPEndPoint ip => $"tcp://{ip}",
        System.Net.Sockets.UnixDomainSocketEndPoint unix => $"unix:{unix}",
        _ => endPoint.ToString() ?? endPoint.GetType().Name,
    };
}
