using System.Globalization;
using RemoteIo.ClientNode;

namespace RemoteIo.LoadTool.Edges;

/// <summary>
/// The <c>edges</c> scenario (issue 6's numbers): remoteio-host as its own process with simulated
/// GPIO 20 wired to GPIO 21 (<c>remoteio.gpio.simulation.wires</c>), one client blinking 20 and
/// three observing 21 over loopback TCP.
/// </summary>
/// <remarks>
/// <code>
/// dotnet run -c Release --project bench/RemoteIo.LoadTool -- edges [--seconds 10] [--rate 10000]
///     [--subscribers 3] [--warmup 10] [--queue 4096] [--port 18519] [--set KEY=VALUE ...]
/// </code>
/// Without <c>--rate</c> it runs 1,000 edges/s (latency) then 10,000 edges/s (loss). Each rate
/// blinks <c>--warmup</c> seconds before measuring: in the first seconds after start tiered
/// compilation is still re-compiling the edge path in the host and the clients, which roughly
/// doubled p99. Exit code 0 when every subscriber received every edge at every rate, 1 otherwise.
/// </remarks>
internal static class EdgeLoad
{
    /// <summary>Runs the scenario.</summary>
    /// <param name="args">The options after <c>edges</c>.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds", 10);
        var rates = Array.IndexOf(args, "--rate") >= 0 ? [Option(args, "--rate", 10_000)] : new[] { 1_000, 10_000 };
        var subscribers = Option(args, "--subscribers", 3);
        var warmup = Option(args, "--warmup", 10);
        var queue = Option(args, "--queue", ObserveOptions.DefaultQueueCapacity);
        var port = Option(args, "--port", 18519);
        if (seconds < 1 || subscribers < 1 || warmup < 0 || queue < 4 || rates.Any(r => r is < 1 or > 1_000_000))
        {
            await Console.Error.WriteLineAsync("edges: --seconds >= 1, --subscribers >= 1, --warmup >= 0, --queue >= 4, --rate 1..1000000");
            return 2;
        }

        Console.WriteLine($"RemoteIo load tool, edges: {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {LoadAverage()}");
        string[] hostSettings = [$"remoteio.gpio.simulation.wires = [ \"{EdgeScenario.Output}->{EdgeScenario.Input}\" ]", .. Settings(args)];
        Console.WriteLine($"host settings: {string.Join("; ", hostSettings)}");
        await using var host = await HostProcess.StartAsync(port, hostSettings);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"host accepting after {host.StartToAccepting.TotalMilliseconds:F0} ms; idle RSS {host.RssMiB:F1} MiB"));
        var lossless = true;
        foreach (var rate in rates)
        {
            lossless &= await EdgeScenario.RunAsync(host, new EdgeSettings(rate, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(warmup), subscribers, queue));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"host peak RSS {host.PeakRssMiB:F1} MiB; load average now {LoadAverage()}"));
        return lossless ? 0 : 1;
    }

    /// <summary>The values of every <c>--set KEY=VALUE</c> (extra HOCON settings for the host, e.g. <c>remoteio.gpio.timing.spin-window=50us</c>).</summary>
    private static IEnumerable<string> Settings(string[] args)
    {
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] == "--set")
            {
                yield return args[++i];
            }
        }
    }

    /// <summary>An integer option, or its default.</summary>
    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>The 1/5/15-minute load averages (the machine is shared: numbers mean little under load).</summary>
    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
