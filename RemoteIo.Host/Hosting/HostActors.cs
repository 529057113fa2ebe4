using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RemoteIo.Actors.Configuration;
using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Hosting;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Pins;
using RemoteIo.Actors.Remote;
using RemoteIo.ClientNode;
using RemoteIo.Host.Gpio;

namespace RemoteIo.Host.Hosting;

/// <summary>
/// The host's actor system: configuration, clock, the pin domain (<see cref="PinService"/>: the
/// <see cref="PinSupervisor"/> at <c>/user/pins</c> over the GPIO driver, registered under the
/// <see cref="PinSupervisor"/> key), remoting on the configured endpoints (opened last, once the
/// actors exist), and the shutdown work (the transition log is written after the pins reached
/// their safe states).
/// </summary>
internal static class HostActors
{
    /// <summary>Describes the system on the builder.</summary>
    /// <param name="builder">The hosting builder.</param>
    /// <param name="services">The host's services.</param>
    /// <param name="config">The layered configuration.</param>
    public static void Configure(ActorSystemBuilder builder, IServiceProvider services, Config config)
    {
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("RemoteIo.Host");
        builder
            .WithConfig(config)
            .WithTimeProvider(services.GetRequiredService<TimeProvider>())
            .WithActors((system, registry, sp) =>
            {
                var gpio = sp.GetRequiredService<GpioOptions>();
                var pins = PinService.Start(system, sp.GetRequiredService<GpioDriver>(), timing: gpio.Timing, consumer: gpio.Consumer, gpio: gpio);
                sp.GetRequiredService<HostPins>().Service = pins;
                registry.Register<PinSupervisor>(pins.Supervisor);
                registry.Register<HostAdminActor>(system.ActorOf(HostAdminActor.Props(sp.GetRequiredService<TransitionLogWriter>()), HostAdminActor.Name));
            })
            .WithRemoting(
                (remote, sp) => EndpointBinding.Apply(remote, sp.GetRequiredService<HostSettings>(), log),
                RemoteServer.CreateRegistry(),
                (remoting, endPoints, sp) => OnListening(remoting, endPoints, sp, log))
            .WithShutdownTask(
                CoordinatedShutdown.PhaseBeforeActorSystemTerminate,
                "write-transition-log",
                (_, sp) => Task.Run(() => sp.GetRequiredService<TransitionLogWriter>().TryWrite("shutdown")));
    }

    /// <summary>Publishes the endpoints and says where the host listens and how long it took to start.</summary>
    private static void OnListening(Remoting remoting, IReadOnlyList<EndPoint> endPoints, IServiceProvider services, ILogger log)
    {
        services.GetRequiredService<HostEndpoints>().SetListening(remoting.Address.ToString(), endPoints);
        var clock = services.GetRequiredService<HostStartClock>();
        var sinceProcess = HostStartClock.SinceProcessStart;
        var where = endPoints.Count == 0 ? "no endpoint (enable remoteio.remote.tcp or remoteio.remote.unix)" : string.Join(", ", endPoints.Select(RemoteIoHost.Describe));
        var processNote = sinceProcess is { } total ? $" ({total.TotalMilliseconds:F0} ms after the process started)" : string.Empty;
        var readyMs = clock.Elapsed.TotalMilliseconds;
        var address = remoting.Address.ToString();
        // How much of the start was the JIT: thousands of methods on a built (IL) host, a few hundred on a ReadyToRun publish.
        var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitMs = System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds;
        HostLog.Listening(log, address, where, readyMs, processNote, jitMethods, jitMs);
    }
}
