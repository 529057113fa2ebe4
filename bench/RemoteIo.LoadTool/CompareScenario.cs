using System.Diagnostics;
using System.Globalization;
using RemoteIo.ClientNode;

namespace RemoteIo.LoadTool;

/// <summary>
/// A paired round-trip comparison of two host builds (A and B) running side by side: one client
/// measures sent → ACCEPTED on A and on B in alternating blocks (A B B A ...), so both see
/// the same phases of the machine. Separate runs cannot show a change of a few µs on this VM: its
/// p50 drifts by 5-10 µs from one phase to the next, more than the change being measured.
/// </summary>
internal static class CompareScenario
{
    /// <summary>Runs the comparison and prints both distributions and the per-block differences.</summary>
    /// <param name="args">[--a DLL] [--b DLL] [--a-env NAME=VALUE,...] [--b-env NAME=VALUE,...] [--same-host] [--blocks N] [--block SAMPLES] [--warmup N] [--port P].</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        var a = Text(args, "--a") ?? HostProcess.BuiltHostDll;
        var b = Text(args, "--b") ?? HostProcess.BuiltHostDll;
        var environmentA = Pairs(args, "--a-env");
        var environmentB = Pairs(args, "--b-env");

        // 100 blocks of 1,000: shorter runs (40 of 250) showed a bias of 2 µs between identical builds.
        var blocks = Number(args, "--blocks", 100);
        var blockSamples = Number(args, "--block", 1000);
        var warmup = Number(args, "--warmup", 30000);
        var port = Number(args, "--port", 18509);

        // --same-host: B is a second connection to host A (pin 18), which separates what belongs to a
        // connection from what belongs to a process.
        var sameHost = args.Contains("--same-host");
        await using var hostA = await HostProcess.StartAsync(a, port, environmentA);
        await using var hostB = sameHost ? null : await HostProcess.StartAsync(b, port + 1, environmentB);
        Console.WriteLine(sameHost
            ? $"A and B: two connections to {a} {string.Join(' ', environmentA)}"
            : $"A: {a} {string.Join(' ', environmentA)}{Environment.NewLine}B: {b} {string.Join(' ', environmentB)}");
        await using var serverA = await RemoteServer.ConnectAsync("127.0.0.1", hostA.Port);
        await using var serverB = await RemoteServer.ConnectAsync("127.0.0.1", (hostB ?? hostA).Port);
        var lines = new[] { 17, sameHost ? 18 : 17 };
        var pins = new[] { new Toggle(await serverA.PinAsync(lines[0])), new Toggle(await serverB.PinAsync(lines[1])) };
        Console.WriteLine($"  {await TieredCompilation.WarmUpAsync(async () => { await pins[0].RoundTripAsync(); await pins[1].RoundTripAsync(); }, warmup / 2, "round-trip pairs", hostA.ProcessId, (hostB ?? hostA).ProcessId, Environment.ProcessId)}");

        var samples = new[] { new List<double>(), new List<double>() };
        var sent = new[] { new List<long>(), new List<long>() };
        var blockMedians = new[] { new List<double>(), new List<double>() };
        for (var block = 0; block < blocks; block++)
        {
            // A B, then B A: a drift within a pair of blocks counts against each side equally.
            foreach (var side in block % 2 == 0 ? new[] { 0, 1 } : [1, 0])
            {
                var measured = new double[blockSamples];
                for (var i = 0; i < blockSamples; i++)
                {
                    measured[i] = await pins[side].RoundTripAsync();
                    sent[side].Add(pins[side].LastSent);
                }

                samples[side].AddRange(measured);
                blockMedians[side].Add(Percentiles.At([.. measured.Order()], 0.5));
            }
        }

        Console.WriteLine($"  A sent -> ACCEPTED received: {Percentiles.Describe(samples[0])}");
        Console.WriteLine($"  B sent -> ACCEPTED received: {Percentiles.Describe(samples[1])}");
        var servers = new[] { serverA, serverB };
        for (var side = 0; side < 2; side++)
        {
            // Each toggle is one edge, so the line's edges, counted from the end, are the measured
            // commands counted from the end (the log is a ring: a long run keeps only the latest).
            var dump = await servers[side].DumpTransitionsAsync();
            var edges = TransitionCsv.Read(dump.Path).Where(t => t.Line == lines[side]).TakeLast(sent[side].Count).ToArray();
            var firstSent = sent[side].Count - edges.Length;
            var toEdge = edges.Select((edge, i) => (edge.Nanoseconds - LatencyScenario.Nanoseconds(sent[side][firstSent + i])) / 1000.0).ToArray();
            Console.WriteLine($"  {(side == 0 ? 'A' : 'B')} sent -> edge in transition log: {Percentiles.Describe(toEdge)}");
        }

        var differences = blockMedians[1].Zip(blockMedians[0], (inB, inA) => inB - inA).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  per block p50, B - A: median {Percentiles.At(differences, 0.5):+0.0;-0.0} µs, quartiles {Percentiles.At(differences, 0.25):+0.0;-0.0} / {Percentiles.At(differences, 0.75):+0.0;-0.0} µs; B faster in {differences.Count(d => d < 0)} of {differences.Length} blocks"));
        return 0;
    }

    /// <summary>A string option, or null.</summary>
    private static string? Text(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <summary>A comma-separated list of NAME=VALUE pairs, or none.</summary>
    private static string[] Pairs(string[] args, string name) =>
        Text(args, name) is { } value ? value.Split(',', StringSplitOptions.RemoveEmptyEntries) : [];

    /// <summary>An integer option.</summary>
    private static int Number(string[] args, string name, int fallback) =>
        Text(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>Alternates one pin between on and off, one command in flight.</summary>
    /// <param name="pin">The pin.</param>
    private sealed class Toggle(RemotePin pin)
    {
        /// <summary>The next command turns the pin on.</summary>
        private bool _on;

        /// <summary>When the last command was sent (Stopwatch timestamp).</summary>
        public long LastSent { get; private set; }

        /// <summary>One command: returns sent → ACCEPTED in µs, then waits for its completion.</summary>
        /// <returns>The µs to ACCEPTED.</returns>
        public async Task<double> RoundTripAsync()
        {
            var start = LastSent = Stopwatch.GetTimestamp();
            var command = (_on = !_on) ? pin.On() : pin.Off();
            await command.Accepted;
            var accepted = Stopwatch.GetTimestamp();
            await command.Completion;
            return (accepted - start) * 1_000_000.0 / Stopwatch.Frequency;
        }
    }
}
