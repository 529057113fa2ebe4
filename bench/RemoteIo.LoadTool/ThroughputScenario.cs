using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using RemoteIo.ClientNode;

namespace RemoteIo.LoadTool;

/// <summary>
/// C clients × P pins each, every client keeping <c>inFlight</c> untimed on/off commands
/// outstanding across its pins. Counts commands executed: every untimed on/off is one edge, and the
/// host's transition log count is checked against the completed commands after the run.
/// </summary>
internal static class ThroughputScenario
{
    /// <summary>Lines of the host's simulated chip (remoteio.gpio.simulated-line-count): 64, the most it has, so 16 x 4 runs.</summary>
    public const int ChipLines = 64;

    /// <summary>The header's GPIOs in claim order, then the simulated chip's lines beyond the header (28..63).</summary>
    private static readonly int[] Gpios = [4, 17, 27, 22, 5, 6, 13, 19, 26, 18, 23, 24, 25, 12, 16, 20, 21, 2, 3, 7, 8, 9, 10, 11, 14, 15, 0, 1, .. Enumerable.Range(28, ChipLines - 28)];

    /// <summary>How many GPIOs the 40-pin header has.</summary>
    public const int HeaderPins = 28;

    /// <summary>How often the warm-up looks at the compilers while the traffic runs.</summary>
    private static readonly TimeSpan WarmUpStep = TimeSpan.FromMilliseconds(50);

    /// <summary>How many pins the host's chip offers.</summary>
    public static int MaxPins => Gpios.Length;

    /// <summary>Runs one configuration and prints a result line.</summary>
    /// <param name="host">The host.</param>
    /// <param name="clients">Clients (sessions, each its own client node and link).</param>
    /// <param name="pinsPerClient">Pins each client drives.</param>
    /// <param name="inFlight">Commands outstanding per client.</param>
    /// <param name="warmup">Run before measuring.</param>
    /// <param name="window">Measured time.</param>
    /// <returns>Completes when done.</returns>
    public static async Task RunAsync(HostProcess host, int clients, int pinsPerClient, int inFlight, TimeSpan warmup, TimeSpan window)
    {
        host.ResetPeakRss();
        var servers = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => RemoteServer.ConnectAsync("127.0.0.1", host.Port)));
        try
        {
            var pins = new RemotePin[clients][];
            for (var c = 0; c < clients; c++)
            {
                pins[c] = new RemotePin[pinsPerClient];
                for (var p = 0; p < pinsPerClient; p++)
                {
                    pins[c][p] = await servers[c].PinAsync(Gpios[(c * pinsPerClient) + p]);
                }
            }

            var before = await servers[0].DumpTransitionsAsync();
            using var stop = new CancellationTokenSource();
            var measuring = new StrongBox<bool>();
            var drivers = Enumerable.Range(0, clients).Select(c => Task.Run(() => DriveAsync(pins[c], inFlight, measuring, stop.Token))).ToArray();

            // At least the warm-up, then until the compilers are quiet: these runs take code paths
            // the round trip did not (batches, many pins, many links). Runs of 16 x 4 alone after a
            // fixed 1 s gave 178-212k commands/s; waiting for quiet (3.6-5.2 s) gave 251-318k.
            var warmedUp = await TieredCompilation.WarmUpAsync(() => Task.Delay(WarmUpStep), (int)(warmup / WarmUpStep), "waits of 50 ms", host.ProcessId, Environment.ProcessId);
            var cpu0 = host.CpuTime;
            var started = Stopwatch.GetTimestamp();
            Volatile.Write(ref measuring.Value, true);
            await Task.Delay(window);
            Volatile.Write(ref measuring.Value, false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var cpu = host.CpuTime - cpu0;
            var rss = host.RssMiB;
            var peak = host.PeakRssMiB;
            await stop.CancelAsync();
            var results = await Task.WhenAll(drivers);
            var sent = results.Sum(r => r.Total);
            var executed = results.Sum(r => r.Measured);
            var after = await servers[0].DumpTransitionsAsync();
            var edges = (after.Rows + (long)after.Dropped) - (before.Rows + (long)before.Dropped);

            var offHeader = clients * pinsPerClient > HeaderPins ? $" ({(clients * pinsPerClient) - HeaderPins} pins are simulated lines beyond the header)" : string.Empty;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {clients,2} clients x {pinsPerClient} pins{offHeader}: {executed / elapsed.TotalSeconds,9:N0} commands/s executed   host CPU {cpu.TotalSeconds / elapsed.TotalSeconds * 100,5:F0} % of a core   host RSS {rss,5:F1} MiB (peak {peak,5:F1})   (edges logged {edges:N0} = commands completed {sent:N0}: {(edges == sent ? "yes" : "NO")}; {warmedUp})"));
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>Keeps <paramref name="inFlight"/> commands outstanding on the client's pins until stopped; returns how many completed in all and while measuring.</summary>
    private static async Task<(long Total, long Measured)> DriveAsync(RemotePin[] pins, int inFlight, StrongBox<bool> measuring, CancellationToken stop)
    {
        using var slots = new SemaphoreSlim(inFlight, inFlight);
        var total = 0L;
        var counted = 0L;
        var next = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await slots.WaitAsync(stop).ConfigureAwait(false);
                var pin = pins[next % pins.Length];
                var command = (next / pins.Length) % 2 == 0 ? pin.On() : pin.Off();
                next++;
                _ = command.Completion.ContinueWith(
                    t =>
                    {
                        if (t.IsCompletedSuccessfully)
                        {
                            Interlocked.Increment(ref total);
                            if (Volatile.Read(ref measuring.Value))
                            {
                                Interlocked.Increment(ref counted);
                            }
                        }

                        // Counted before the slot is freed: the driver reads the totals once it holds every slot.
                        slots.Release();
                    },
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException)
        {
        }

        for (var i = 0; i < inFlight; i++)
        {
            await slots.WaitAsync(CancellationToken.None).ConfigureAwait(false); // every outstanding command finished
        }

        return (Interlocked.Read(ref total), Interlocked.Read(ref counted));
    }
}
