using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Bench.Pins;

/// <summary>
/// Input fan-out: an output blinking at 500 Hz (1,000 edges/s) wired to an input that three
/// subscribers observe; bytes allocated per edge in the steady state, and whether every
/// subscriber got every edge.
/// </summary>
public static class InputBench
{
    /// <summary>Runs the scenario.</summary>
    /// <param name="seconds">Measured time.</param>
    public static void Run(double seconds)
    {
        using var host = new BenchHost();
        host.Chip.Connect(27, 17);
        host.ClaimOutputs([27]);
        var counters = Enumerable.Range(0, 3).Select(_ => new OutcomeCounter()).ToList();
        var subscribers = counters.Select((c, i) => host.System.ActorOf(Props.Create(() => new CountingClient(c)), $"subscriber{i}")).ToList();
        foreach (var subscriber in subscribers)
        {
            host.Pins.Tell(new ObservePin { RequestId = BenchHost.NextId(), Pin = new PinRef { Number = 17 } }, subscriber);
        }

        host.Pins.Tell(BenchHost.Command(27, 0, c => c.Blink = new Blink { OnTimeUs = 1000, OffTimeUs = 1000 }), host.Client);
        Thread.Sleep(1000);
        var edgesBefore = counters.Select(c => c.Edges).ToArray();
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        Thread.Sleep(TimeSpan.FromSeconds(seconds));
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        var received = counters.Select((c, i) => c.Edges - edgesBefore[i]).ToArray();
        host.Pins.Tell(BenchHost.Command(27, 0, c => c.Off = new Off()), host.Client);

        Console.WriteLine();
        Console.WriteLine($"input fan-out: 1,000 edges/s to 3 subscribers, {seconds:0.#} s");
        Console.WriteLine($"  edges per subscriber  {string.Join(" / ", received.Select(r => r.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))}");
        Console.WriteLine($"  allocated             {bytes / (double)Math.Max(1, received.Max()):0} bytes per pin edge (all threads: one shared PinEdge for all subscribers, the output's own waveform, mailboxes)");
    }
}
