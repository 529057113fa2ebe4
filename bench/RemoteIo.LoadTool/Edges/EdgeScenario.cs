using System.Diagnostics;
using System.Globalization;
using RemoteIo.Actors.Gpio.Timing;
using RemoteIo.ClientNode;

namespace RemoteIo.LoadTool.Edges;

/// <summary>
/// One edge rate: a driving client blinks the output (on = off = 1/rate, so the wired input sees
/// <c>rate</c> edges per second), N other clients (own connection and session each) observe the
/// input; prints per-subscriber and overall latency (client receive minus host edge stamp), what
/// the input saw against what each subscriber received, gaps and drop notices, host CPU and RSS.
/// </summary>
internal static class EdgeScenario
{
    /// <summary>The output the driver blinks (wired to <see cref="Input"/> on the host).</summary>
    public const int Output = 20;

    /// <summary>The observed input.</summary>
    public const int Input = 21;

    /// <summary>Runs one rate.</summary>
    /// <param name="host">The host, wired <see cref="Output"/> -> <see cref="Input"/>.</param>
    /// <param name="settings">Rate, window, subscribers.</param>
    /// <returns>True when every subscriber received every edge.</returns>
    public static async Task<bool> RunAsync(HostProcess host, EdgeSettings settings)
    {
        var half = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / settings.Rate);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{settings.Rate:N0} edges/s: blink on = off = {half.TotalMicroseconds:F0} µs on GPIO {Output} wired to GPIO {Input}, {settings.Subscribers} subscribers (own sessions), {settings.Window.TotalSeconds:F0} s measured after {settings.Warmup.TotalSeconds:F0} s warm-up, host queue {settings.QueueCapacity} per subscriber"));
        var servers = new List<RemoteServer>();
        try
        {
            for (var i = 0; i <= settings.Subscribers; i++)
            {
                servers.Add(await RemoteServer.ConnectAsync("127.0.0.1", host.Port, RemoteServerOptions.Default.WithClientName(i < settings.Subscribers ? $"sub{i + 1}" : "driver")));
            }

            var capacity = (int)Math.Min(int.MaxValue / 2, (settings.Rate * (settings.Window.TotalSeconds + 1)) + 1024);
            var recorders = new EdgeRecorder[settings.Subscribers];
            for (var i = 0; i < settings.Subscribers; i++)
            {
                var observer = await servers[i].ObserveAsync(Input, ObserveOptions.Default.WithQueueCapacity(settings.QueueCapacity));
                recorders[i] = new EdgeRecorder($"sub{i + 1}", observer, capacity);
            }

            var pin = await servers[^1].PinAsync(Output);
            if (!await CheckClockAsync(servers[0]))
            {
                return false;
            }

            var before = await servers[0].ReadAsync(Input);
            var measureFrom = NowNanoseconds() + (long)settings.Warmup.TotalNanoseconds;
            foreach (var recorder in recorders)
            {
                recorder.MeasureFrom(measureFrom);
            }

            var blink = pin.Blink(settings.Warmup + settings.Window, half, half);
            await blink.Accepted;
            await Task.Delay(settings.Warmup);
            var cpu0 = host.CpuTime;
            var started = Stopwatch.GetTimestamp();
            await blink.Completion;
            var elapsed = Stopwatch.GetElapsedTime(started);
            var cpu = host.CpuTime - cpu0;
            var rss = host.RssMiB;
            var after = await servers[0].ReadAsync(Input);
            await SettleAsync(recorders, after.Sequence);
            return Report(recorders, before.Sequence, after.Sequence, settings, cpu / elapsed, rss);
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// The edge stamps are only comparable with this process's clock if the host stamps on the same
    /// CLOCK_MONOTONIC: a read's host stamp must fall between sending it and its reply arriving.
    /// </summary>
    private static async Task<bool> CheckClockAsync(RemoteServer server)
    {
        var sent = NowNanoseconds();
        var reading = await server.ReadAsync(Input);
        var received = NowNanoseconds();
        var same = sent <= reading.TimestampNanoseconds && reading.TimestampNanoseconds <= received;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  clock: the host stamped a read {(reading.TimestampNanoseconds - sent) / 1000.0:F1} µs after it was sent and {(received - reading.TimestampNanoseconds) / 1000.0:F1} µs before its reply arrived: {(same ? "same CLOCK_MONOTONIC" : "NOT the same clock; latencies would be meaningless")}"));
        return same;
    }

    /// <summary>Waits (up to 10 s) until every subscriber has received the input's last edge.</summary>
    private static async Task SettleAsync(EdgeRecorder[] recorders, ulong last)
    {
        var deadline = Stopwatch.GetTimestamp() + (10 * Stopwatch.Frequency);
        while (recorders.Any(r => r.LastSequence < last) && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(10);
        }
    }

    /// <summary>Prints the result lines; true when nothing was lost.</summary>
    private static bool Report(EdgeRecorder[] recorders, ulong before, ulong after, EdgeSettings settings, double cpuShare, double rss)
    {
        var edges = after - before;
        var duration = (settings.Warmup + settings.Window).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  input GPIO {Input} saw {edges:N0} edges (sequence {before + 1}..{after}) = {edges / duration:N0}/s over the blink; host CPU {cpuShare * 100:F0} % of a core, RSS {rss:F1} MiB"));
        var lossless = true;
        var all = new List<double>();
        foreach (var r in recorders)
        {
            var latencies = r.LatenciesMicroseconds();
            all.AddRange(latencies);
            var missing = (long)edges - r.Received;
            lossless &= missing == 0 && r.Gaps == 0 && r.Dropped == 0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {r.Name}: received {r.Received:N0}/{edges:N0}, gaps {r.Gaps}, drop notices {r.Dropped}, last #{r.LastSequence}{(r.Overflow > 0 ? $", {r.Overflow} unrecorded" : string.Empty)}; latency {Describe(latencies)}"));
        }

        Console.WriteLine($"  all subscribers: latency {Describe(all)}");
        Console.WriteLine($"  loss: {(lossless ? "none" : "YES (see gaps, drop notices and received counts above)")}");
        return lossless;
    }

    /// <summary>Percentiles, or a note when nothing was measured.</summary>
    private static string Describe(IReadOnlyList<double> microseconds) => microseconds.Count > 0 ? Percentiles.Describe(microseconds) : "n=0";

    /// <summary>CLOCK_MONOTONIC now in ns (Stopwatch on Linux).</summary>
    private static long NowNanoseconds() => ClockTime.ToNanoseconds(Stopwatch.GetTimestamp(), Stopwatch.Frequency);
}
