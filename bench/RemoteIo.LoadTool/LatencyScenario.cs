using System.Diagnostics;
using RemoteIo.ClientNode;

namespace RemoteIo.LoadTool;

/// <summary>
/// One client, one pin, one command in flight: the time from sending a command to its ACCEPTED
/// arriving back, and from sending it to its edge in the host's transition log (both on
/// CLOCK_MONOTONIC: the host stamps edges with the same clock this process reads).
/// </summary>
internal static class LatencyScenario
{
    /// <summary>Runs the scenario and prints the percentiles.</summary>
    /// <param name="host">The host.</param>
    /// <param name="samples">Measured commands.</param>
    /// <param name="warmup">Commands before measuring.</param>
    /// <returns>Completes when done.</returns>
    public static async Task RunAsync(HostProcess host, int samples, int warmup)
    {
        await using var server = await RemoteServer.ConnectAsync("127.0.0.1", host.Port);
        var pin = await server.PinAsync(17);
        var sent = new long[samples];
        var accepted = new double[samples];
        var on = false;
        Console.WriteLine($"  {await TieredCompilation.WarmUpAsync(ToggleAsync, warmup, "round trips", host.ProcessId, Environment.ProcessId)}");
        for (var i = 0; i < samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var command = (on = !on) ? pin.On() : pin.Off();
            await command.Accepted;
            var acceptedAt = Stopwatch.GetTimestamp();
            await command.Completion;
            sent[i] = start;
            accepted[i] = Microseconds(acceptedAt - start);
        }

        var dump = await server.DumpTransitionsAsync();
        var edges = TransitionCsv.Read(dump.Path).Where(t => t.Line == 17).TakeLast(samples).ToArray();
        var toEdge = edges.Select((edge, i) => (edge.Nanoseconds - Nanoseconds(sent[i])) / 1000.0).ToArray();
        Console.WriteLine($"  command sent -> ACCEPTED received:      {Percentiles.Describe(accepted)}");
        Console.WriteLine($"  command sent -> edge in transition log: {Percentiles.Describe(toEdge)}");

        async Task ToggleAsync()
        {
            var command = (on = !on) ? pin.On() : pin.Off();
            await command.Accepted;
            await command.Completion;
        }
    }

    /// <summary>Stopwatch ticks as µs.</summary>
    private static double Microseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;

    /// <summary>A Stopwatch timestamp as ns (CLOCK_MONOTONIC on Linux, the clock the host stamps edges with).</summary>
    /// <param name="timestamp">A <see cref="Stopwatch.GetTimestamp"/> value.</param>
    /// <returns>Nanoseconds.</returns>
    internal static long Nanoseconds(long timestamp) => (long)(timestamp * (1_000_000_000.0 / Stopwatch.Frequency));
}
