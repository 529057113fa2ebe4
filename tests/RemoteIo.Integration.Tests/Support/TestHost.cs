using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RemoteIo.Actors.Gpio.Simulation;
using RemoteIo.ClientNode;
using RemoteIo.Host;
using RemoteIo.Host.Gpio;
using RemoteIo.Host.Hosting;
using RemoteIo.TestKit;

namespace RemoteIo.Integration.Tests.Support;

/// <summary>
/// A RemoteIo host started in-process on the simulated driver: TCP on a free loopback port (and a
/// Unix socket when asked), its log captured, its transition log in a temporary directory.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private TestHost(IHost host, CapturingLoggerProvider logs, string directory)
    {
        Host = host;
        Logs = logs;
        Directory = directory;
    }

    public IHost Host { get; }

    public CapturingLoggerProvider Logs { get; }

    /// <summary>A temporary directory for this host's files (transition log, socket).</summary>
    public string Directory { get; }

    public IPEndPoint Tcp => Host.Endpoints().Tcp ?? throw new InvalidOperationException("TCP is not enabled");

    public string? UnixSocket => Host.Endpoints().UnixSocketPath;

    public SimulatedGpioChip Chip => Host.Services.GetRequiredService<TransitionLogWriter>().Chip!;

    public string TransitionLogPath => Path.Combine(Directory, "transitions.csv");

    /// <summary>Starts a host on the real clock; <paramref name="overrides"/> are HOCON settings applied last.</summary>
    public static Task<TestHost> StartAsync(params string[] overrides) => StartAsync(null, overrides);

    /// <summary>
    /// Starts a host whose actor system and simulated GPIO run on <paramref name="clock"/> (null:
    /// the real clock). On a virtual clock the system tracks quiescence and settles after every
    /// tick, so <c>clock.Advance</c> produces exact edge timelines; the network stays real.
    /// </summary>
    public static async Task<TestHost> StartAsync(ManualTimeProvider? clock, params string[] overrides)
    {
        var directory = Path.Combine(Path.GetTempPath(), "remoteio-it-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        var logs = new CapturingLoggerProvider();
        var options = HostLaunchOptions.Default.WithOverrides(
            [
                "remoteio.remote.tcp.port = 0",
                "remoteio.gpio.driver = simulated",
                $"remoteio.gpio.simulation.transition-log-path = {HoconText.Quote(Path.Combine(directory, "transitions.csv"))}",
                "remoteio.host.log.level = debug",
                $"remoteio.actor.track-quiescence = {(clock is null ? "off" : "on")}",
                .. overrides,
            ]);
        if (clock is not null)
        {
            options = options.WithTimeProvider(clock);
        }

        var host = await RemoteIoHost.StartAsync(options, services => services.AddSingleton<ILoggerProvider>(logs));
        if (clock is not null)
        {
            var system = host.ActorSystem();
            clock.AddSettler(() => system.AwaitIdle(TimeSpan.FromSeconds(10)));
        }

        return new TestHost(host, logs, directory);
    }

    /// <summary>Connects a facade over TCP.</summary>
    public Task<RemoteServer> ConnectAsync(RemoteServerOptions? options = null) =>
        RemoteServer.ConnectAsync(Tcp.Address.ToString(), Tcp.Port, options ?? RemoteServerOptions.Default.WithRequestTimeout(TimeSpan.FromSeconds(10)));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.StopAsync();
        }
        finally
        {
            Host.Dispose();
            Logs.Dispose();
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // a socket file still held by the OS; the temp directory is cleaned by the system
            }
        }
    }

    /// <summary>The host's pin service (for tests that look inside).</summary>
    public HostPins Pins => Host.Services.GetRequiredService<HostPins>();
}
