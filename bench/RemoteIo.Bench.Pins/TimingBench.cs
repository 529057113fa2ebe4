using RemoteIo.Actors.Gpio.Simulation;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Bench.Pins;

/// <summary>
/// Edge timing through the whole pin domain on the real clock, read off the simulated chip's
/// transition log: impulses on(T) on 8 pins at once (high time minus T), and 28 pins blinking with
/// a 10 ms period (period error), plus the bytes allocated per edge while they blink.
/// </summary>
public static class TimingBench
{
    /// <summary>Runs the impulse scenarios.</summary>
    /// <param name="rounds">Impulses per pin and duration.</param>
    public static void Impulses(int rounds)
    {
        using var host = new BenchHost();
        var gpios = Enumerable.Range(4, 8).ToArray();
        host.ClaimOutputs(gpios);

        // Warm-up: the first commands run through code the JIT has not compiled yet, which can take
        // longer than a 5 ms impulse (the impulse then ends before it is written).
        for (var round = 0; round < 20; round++)
        {
            var baseline = host.Counter.Finished;
            foreach (var gpio in gpios)
            {
                host.Pins.Tell(BenchHost.Command(gpio, 1, c => c.On = new On()), host.Client);
            }

            BenchHost.Wait(() => host.Counter.Finished - baseline >= gpios.Length, "warm-up");
        }

        Console.WriteLine();
        Console.WriteLine($"impulses on(T) on 8 pins at once, {rounds} rounds each: |high time - T|");
        foreach (var ms in new[] { 5, 20, 100 })
        {
            var errors = new List<long>();
            long signed = 0;
            for (var round = 0; round < rounds; round++)
            {
                var baseline = host.Counter.Finished;
                foreach (var gpio in gpios)
                {
                    host.Pins.Tell(BenchHost.Command(gpio, ms, c => c.On = new On()), host.Client);
                }

                BenchHost.Wait(() => host.Counter.Finished - baseline >= gpios.Length, "impulses");
                foreach (var gpio in gpios)
                {
                    var t = host.Chip.Transitions(gpio);
                    if (t.Count < 2 || t[^1].Level.IsHigh || !t[^2].Level.IsHigh)
                    {
                        throw new InvalidOperationException($"GPIO {gpio}: expected a rise then a fall, the log ends with {string.Join(", ", t.TakeLast(3))}; rejected so far: {host.Counter.Rejected}");
                    }

                    var error = t[^1].TimestampNanoseconds - t[^2].TimestampNanoseconds - (ms * 1_000_000L);
                    signed += error;
                    errors.Add(Math.Abs(error));
                }

                Thread.Sleep(7);
            }

            var (p50, p99, max) = BenchHost.Percentiles(errors);
            Console.WriteLine($"  T = {ms,3} ms  p50 {BenchHost.Us(p50)}  p99 {BenchHost.Us(p99)}  max {BenchHost.Us(max)}  mean signed {BenchHost.Us(signed / (double)errors.Count)}  ({errors.Count} impulses)");
        }
    }

    /// <summary>Runs the 28-pin blink scenario.</summary>
    /// <param name="seconds">Measured time.</param>
    public static void Blink(double seconds)
    {
        using var host = new BenchHost();
        var gpios = Enumerable.Range(0, 28).ToArray();
        host.ClaimOutputs(gpios);
        foreach (var gpio in gpios)
        {
            host.Pins.Tell(BenchHost.Command(gpio, 0, c => c.Blink = new Blink { OnTimeUs = 5000, OffTimeUs = 5000 }), host.Client);
        }

        Thread.Sleep(1000);
        host.Service.Scheduler.ResetStatistics();
        var windowStart = host.Service.Scheduler.NowNanoseconds;
        var before = host.Chip.TransitionCount;
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        Thread.Sleep(TimeSpan.FromSeconds(seconds));
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        var edges = host.Chip.TransitionCount - before;
        var windowEnd = host.Service.Scheduler.NowNanoseconds;
        var lateness = host.Service.Scheduler.GetStatistics();
        foreach (var gpio in gpios)
        {
            host.Pins.Tell(BenchHost.Command(gpio, 0, c => c.Off = new Off()), host.Client);
        }

        var errors = PeriodErrors(host.Chip, gpios, windowStart, windowEnd);
        var (p50, p99, max) = BenchHost.Percentiles(errors);
        Console.WriteLine();
        Console.WriteLine($"28 pins blinking 5 ms on / 5 ms off (10 ms period), {seconds:0.#} s: |period - 10 ms| between rising edges");
        Console.WriteLine($"  period error          p50 {BenchHost.Us(p50)}  p99 {BenchHost.Us(p99)}  max {BenchHost.Us(max)}  ({errors.Count:N0} periods)");
        Console.WriteLine($"  edge lateness (sched) p50 {BenchHost.Us(lateness.P50Nanoseconds)}  p99 {BenchHost.Us(lateness.P99Nanoseconds)}  max {BenchHost.Us(lateness.MaxNanoseconds)}");
        Console.WriteLine($"  allocated             {bytes:N0} bytes over {edges:N0} edges = {bytes / (double)Math.Max(1, edges):0.###} bytes/edge (all threads)");
    }

    /// <summary>The spacing of consecutive rising edges minus 10 ms, per pin, within the window.</summary>
    private static List<long> PeriodErrors(SimulatedGpioChip chip, int[] gpios, long from, long to)
    {
        var errors = new List<long>();
        foreach (var gpio in gpios)
        {
            long last = -1;
            foreach (var t in chip.Transitions(gpio))
            {
                if (!t.Level.IsHigh || t.TimestampNanoseconds < from || t.TimestampNanoseconds > to)
                {
                    continue;
                }

                if (last >= 0)
                {
                    errors.Add(Math.Abs(t.TimestampNanoseconds - last - 10_000_000));
                }

                last = t.TimestampNanoseconds;
            }
        }

        return errors;
    }
}
