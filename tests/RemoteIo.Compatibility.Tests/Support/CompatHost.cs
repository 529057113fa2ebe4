using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RemoteIo.Actors.Compat.Hosting;
using RemoteIo.Actors.Gpio.Simulation;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Protocol;
using RemoteIo.Host;
using RemoteIo.Host.Gpio;
using RemoteIo.Host.Hosting;
using RemoteIo.TestKit;

namespace RemoteIo.Compatibility.Tests.Support;

/// <summary>
/// A RemoteIo host started in-process the way the executable starts it (RemoteIoHost, host.conf,
/// command-line overrides), on the simulated GPIO chip, with both compatibility endpoints on free
/// loopback ports. Its clock is virtual, kept in step with real time by a <see cref="ClockPump"/>:
/// the clients are real processes on real sockets, and every edge the host times lands in the
/// chip's transition log exactly on time, on a loaded machine too.
/// </summary>
public sealed class CompatHost : IAsyncDisposable
{
    private readonly ClockPump _pump;

    private CompatHost(IHost host, string mode, ManualTimeProvider clock)
    {
        Host = host;
        Mode = mode;
        Clock = clock;
        _pump = new ClockPump(clock);
        var endpoints = host.Services.GetRequiredService<CompatEndpointsService>().Endpoints
            ?? throw new InvalidOperationException("the compatibility endpoints did not start");
        PigpioEndPoint = endpoints.PigpioEndPoint ?? throw new InvalidOperationException("the pigpio endpoint is off");
        RemoteioEndPoint = endpoints.RemoteioEndPoint ?? throw new InvalidOperationException("the remoteio endpoint is off");
    }

    public IHost Host { get; }

    /// <summary>The host's clock (the transition log's timestamps are on it).</summary>
    public ManualTimeProvider Clock { get; }

    /// <summary>The host's default mode: wait or nowait.</summary>
    public string Mode { get; }

    public IPEndPoint PigpioEndPoint { get; }

    public IPEndPoint RemoteioEndPoint { get; }

    public SimulatedGpioChip Chip => Host.Services.GetRequiredService<TransitionLogWriter>().Chip
        ?? throw new InvalidOperationException("the host does not run the simulated driver");

    public ActorSystem System => Host.ActorSystem();

    /// <summary>Starts a host whose sessions default to <paramref name="mode"/>; <paramref name="overrides"/> are HOCON applied last.</summary>
    public static async Task<CompatHost> StartAsync(string mode = "wait", params string[] overrides)
    {
        var clock = new ManualTimeProvider();
        var options = HostLaunchOptions.Default.WithTimeProvider(clock).WithOverrides(
            [
                "remoteio.actor.track-quiescence = on",
                "remoteio.remote.tcp.port = 0",
                "remoteio.gpio.driver = simulated",
                "remoteio.gpio.simulation.transition-log-path = \"\"",
                $"remoteio.pins.default-mode = {mode}",
                "remoteio.compat.pigpio { enabled = on, port = 0 }",
                "remoteio.compat.remoteio { enabled = on, port = 0 }",
                .. overrides,
            ]);
        // The executable's own wiring: RemoteIoHost adds the compatibility endpoints, remoteio.compat enables them.
        var host = await RemoteIoHost.StartAsync(options);
        var system = host.ActorSystem();
        clock.AddSettler(() => system.AwaitIdle(TimeSpan.FromSeconds(10)));
        return new CompatHost(host, mode, clock);
    }

    /// <summary>The levels <paramref name="gpio"/> took from <paramref name="sinceNanoseconds"/> on, in order.</summary>
    public IReadOnlyList<GpioTransition> Transitions(int gpio, long sinceNanoseconds = 0) =>
        [.. Chip.Transitions(gpio).Where(t => t.TimestampNanoseconds >= sinceNanoseconds)];

    /// <summary>The host clock now, in the transition log's nanoseconds.</summary>
    public long NowNanoseconds => Clock.ElapsedNanoseconds;

    /// <summary>Waits (up to <paramref name="max"/>) until no session owns <paramref name="gpio"/>: its soft close is over.</summary>
    public void AwaitReleased(int gpio, TimeSpan max)
    {
        var probe = new TestProbe(System);
        var supervisor = Host.Services.GetRequiredService<HostPins>().Service!.Supervisor;
        probe.AwaitCondition(
            () =>
            {
                probe.Send(supervisor, new GetPinStates { RequestId = 1 });
                return probe.ExpectMsg<PinStates>().Pins.All(p => p.Gpio != gpio || p.Owner.Length == 0);
            },
            max,
            $"GPIO {gpio} was not released");
    }

    /// <summary>Starts tests/clients/pigpio_check.py against the pigpio endpoint (python3-pigpio required, loudly).</summary>
    public PythonScript Pigpio(params string[] arguments)
    {
        PythonScript.Require(("pigpio", "python3-pigpio"));
        return Run("pigpio_check.py", PigpioEndPoint, arguments);
    }

    /// <summary>Starts tests/clients/gpiozero_check.py against the pigpio endpoint (python3-gpiozero and python3-pigpio required, loudly).</summary>
    public PythonScript Gpiozero(params string[] arguments)
    {
        PythonScript.Require(("pigpio", "python3-pigpio"), ("gpiozero", "python3-gpiozero"));
        return Run("gpiozero_check.py", PigpioEndPoint, arguments);
    }

    /// <summary>Starts tests/clients/remoteio_client.py against the remoteio endpoint.</summary>
    public PythonScript Remoteio(params string[] arguments)
    {
        PythonScript.Require();
        return Run("remoteio_client.py", RemoteioEndPoint, arguments);
    }

    /// <summary>
    /// Runs a client to its end (failing the test unless it passed), waits until no session holds
    /// <paramref name="gpio"/> any more (its soft close is over), and returns what the pin did meanwhile.
    /// </summary>
    /// <param name="gpio">The pin to record.</param>
    /// <param name="start">Starts the client (e.g. <c>() => host.Pigpio("basics")</c>).</param>
    /// <param name="holds">How many times the client prints HOLD (it was started with a <c>step</c> hold) and waits.</param>
    /// <param name="holdMs">How far the host's clock is moved at each HOLD before the client goes on.</param>
    /// <param name="stopClock">
    /// The host's clock stands still while the client runs (it moves only at the holds), so the
    /// client's round trips take no host time, however slowly a loaded machine runs it.
    /// </param>
    public async Task<Signal> RecordAsync(int gpio, Func<PythonScript> start, int holds = 0, double holdMs = 0, bool stopClock = false)
    {
        var since = NowNanoseconds;
        using (stopClock ? _pump.Stop() : null)
        await using (var script = start())
        {
            for (var i = 0; i < holds; i++)
            {
                // The clock moves exactly holdMs while the client waits: the hold lasts that long on the host, however loaded the machine.
                await script.WaitForLineAsync("HOLD");
                Clock.Advance(TimeSpan.FromTicks((long)(holdMs * TimeSpan.TicksPerMillisecond)));
                await script.SendLineAsync("go");
            }

            await script.PassAsync();
        }

        AwaitReleased(gpio, TimeSpan.FromSeconds(10));
        return new Signal(Transitions(gpio, since));
    }

    /// <summary>Runs <paramref name="script"/> to its end and fails the test unless it passed.</summary>
    /// <returns>Its output.</returns>
    public static async Task<string> PassAsync(PythonScript script)
    {
        await using (script)
        {
            return await script.PassAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // The shutdown's phases and drain run on the host's clock: keep it moving until the host has stopped.
            await Host.StopAsync();
        }
        finally
        {
            await _pump.DisposeAsync();
            Host.Dispose();
        }
    }

    /// <summary>A transition's level as a bit, for readable assertions.</summary>
    public static int Bit(GpioTransition transition) => transition.Level.IsHigh ? 1 : 0;

    /// <summary>Runs a client script with the endpoint appended.</summary>
    private static PythonScript Run(string script, IPEndPoint endpoint, string[] arguments) =>
        PythonScript.Start(script, [.. arguments, "--host", endpoint.Address.ToString(), "--port", endpoint.Port.ToString(CultureInfo.InvariantCulture)]);
}
