using System.Globalization;
using RemoteIo.LoadTool;

// The RemoteIo load tool: starts remoteio-host as its own process (simulated GPIO, loopback TCP)
// and measures it from the outside with the C# client.
//
//   dotnet run -c Release --project bench/RemoteIo.LoadTool -- [--port 18509] [--samples 5000] [--warmup 30000]
//       [--clients 1,4,16] [--pins 1,4] [--in-flight 32] [--seconds 5] [--published]
//
//   dotnet run -c Release --project bench/RemoteIo.LoadTool -- compare [--a DLL] [--b DLL] [--a-env N=V,..] [--b-env N=V,..] [--same-host] [--blocks 100] [--block 1000]
//       runs two hosts (two builds, or one build with different runtime settings) side by side and measures sent -> ACCEPTED on each in alternating blocks
//       (see CompareScenario: the way to tell whether a change of a few µs is real on this VM).
//
// --published: publish the host for this machine's RID (ReadyToRun, as deployed) under
// artifacts/loadtool-host/ and measure that; by default the built (JIT-compiled) host is measured.
//
// Prints: host start to accepting connections; idle CPU and RSS; round trip (sent -> ACCEPTED,
// sent -> edge in the transition log) p50/p99 for 1 client 1 pin, next to a bare .NET async TCP
// ping-pong between two processes (the machine's floor right now); throughput (commands executed
// per second) with host CPU and RSS for every clients x pins combination.
if (args is ["edges", ..]) return await RemoteIo.LoadTool.Edges.EdgeLoad.RunAsync(args[1..]);
if (args is ["compare", ..]) return await CompareScenario.RunAsync(args[1..]);
if (args is ["echo"]) return await SocketFloorScenario.EchoAsync();
var port = Option("--port", 18509);
var samples = Option("--samples", 5000);
// Round-trip samples start after at least this many commands, and only once the tiered compiler of
// both processes has been idle for 500 ms (see TieredCompilation): until then it is re-compiling the
// hot path (tier 0, instrumented tier, tier 1 with dynamic PGO) on one of the two cores, which
// roughly doubles p50 early on and puts millisecond stalls into p99 for the first ~5 s of traffic.
var warmup = Option("--warmup", 30000);
var inFlight = Option("--in-flight", 32);
var seconds = Option("--seconds", 5);
var clientCounts = List("--clients", [1, 4, 16]);
var pinCounts = List("--pins", [1, 4]);

Console.WriteLine($"RemoteIo load tool: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(System.Diagnostics.Debugger.IsAttached ? "debugger attached" : "no debugger")}");
// 64 simulated lines: the header's 28 GPIOs plus lines 28..63, which the simulated chip lets clients
// claim by GPIO number, so 16 clients x 4 pins is 64 real pins of one host.
var hostDll = args.Contains("--published") ? await HostProcess.PublishAsync() : HostProcess.BuiltHostDll;
await using var host = await HostProcess.StartAsync(hostDll, port, $"remoteio.gpio.simulated-line-count={ThroughputScenario.ChipLines}");
Console.WriteLine(hostDll == HostProcess.BuiltHostDll
    ? $"host binary: built {hostDll} (IL, JIT-compiled at start; --published measures a ReadyToRun publish)"
    : $"host binary: published {hostDll} (ReadyToRun, framework-dependent)");
Console.WriteLine($"host: simulated GPIO chip with {ThroughputScenario.ChipLines} lines (remoteio.gpio.simulated-line-count); runs above {ThroughputScenario.HeaderPins} pins use lines beyond the 40-pin header");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"host start (process spawned) -> accepting connections: {host.StartToAccepting.TotalMilliseconds:F0} ms"));
Console.WriteLine($"  host says: {host.ReadyLine}");

var idleCpu = host.CpuTime;
await Task.Delay(TimeSpan.FromSeconds(3));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"idle host: RSS {host.RssMiB:F1} MiB, CPU {(host.CpuTime - idleCpu).TotalSeconds / 3 * 100:F1} % of a core"));

Console.WriteLine($"round trip, 1 client, 1 pin, 1 command in flight ({samples} samples after at least {warmup} warm-up round trips and a quiet JIT):");
await LatencyScenario.RunAsync(host, samples, warmup);
await SocketFloorScenario.RunAsync(samples, warmup);

Console.WriteLine($"throughput, {inFlight} commands in flight per client, {seconds} s each after at least 1 s of warm-up and a quiet JIT:");
foreach (var clients in clientCounts)
{
    foreach (var pins in pinCounts)
    {
        if (clients * pins > ThroughputScenario.MaxPins)
        {
            var fit = ThroughputScenario.MaxPins / pins;
            Console.WriteLine($"  {clients,2} clients x {pins} pins: needs {clients * pins} pins, the host's chip has {ThroughputScenario.MaxPins}; running {fit} clients x {pins} pins instead");
            await ThroughputScenario.RunAsync(host, fit, pins, inFlight, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(seconds));
            continue;
        }

        await ThroughputScenario.RunAsync(host, clients, pins, inFlight, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(seconds));
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"host peak RSS over the whole run: {host.LifetimePeakRssMiB:F1} MiB"));
return 0;

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

int[] List(string name, int[] fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? [.. args[index + 1].Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))] : fallback;
}
