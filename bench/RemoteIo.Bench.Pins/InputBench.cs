using System.Globalization;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Bench.Pins;

/// <summary>
/// Input fan-out: an output wired to an input that three subscribers observe, at 1,000 and at
/// 10,000 edges/s; whether every subscriber got every edge the input saw, and the bytes allocated
/// per edge in the steady state.
/// </summary>
public static class InputBench
{
    /// <summary>Runs both rates.</summary>
    /// <param name="seconds">Measured time per rate.</param>
    public static void Run(double seconds)
    {
        Rate(1_000, seconds);
        Rate(10_000, seconds);
    }

    /// <summary>Runs one rate (a square wave with half-periods of 1 s / <paramref name="edgesPerSecond"/>).</summary>
    private static void Rate(int edgesPerSecond, double seconds)
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

        var half = (ulong)(1_000_000 / edgesPerSecond);
        host.Pins.Tell(BenchHost.Command(27, 0, c => c.Blink = new Blink { OnTimeUs = half, OffTimeUs = half }), host.Client);
        Thread.Sleep(1000);
        var sawBefore = host.Chip.Transitions(17).Count;
        var edgesBefore = counters.Select(c => c.Edges).ToArray();
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        Thread.Sleep(TimeSpan.FromSeconds(seconds));
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        host.Pins.Tell(BenchHost.Command(27, 0, c => c.Off = new Off()), host.Client);
        BenchHost.Wait(() => counters.All(c => c.Edges == counters[0].Edges), "subscribers to catch up");
        Thread.Sleep(200);
        var saw = host.Chip.Transitions(17).Count - sawBefore;
        var received = counters.Select((c, i) => c.Edges - edgesBefore[i]).ToArray();

        Console.WriteLine();
        Console.WriteLine($"input fan-out at {edgesPerSecond:N0} edges/s (asked) to 3 subscribers, {seconds:0.#} s");
        Console.WriteLine($"  edges the input saw   {saw:N0} ({saw / seconds:N0}/s; the output's scheduler skips edges it wakes too late for)");
        Console.WriteLine($"  edges per subscriber  {string.Join(" / ", received.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))}  (lost: {Math.Max(0, saw - received.Min()):N0}; the counts are read a moment apart, so one edge either way is timing, not loss)");
        Console.WriteLine($"  allocated             {bytes / (double)Math.Max(1, received.Max()):0} bytes per pin edge (all threads: one PinEdge shared by the subscribers)");
    }
}
