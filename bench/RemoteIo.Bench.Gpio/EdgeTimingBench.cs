using System.Globalization;
using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Simulation;
using RemoteIo.Actors.Gpio.Timing;

namespace RemoteIo.Bench.Gpio;

/// <summary>
/// Measures the edge scheduler on the real clock with the simulated chip: software PWM at 1 kHz on
/// 8 lines and at 100 Hz on all 28 header GPIOs, with staggered phases (so edges do not all fall on
/// one instant). Reports edge error (actual − due) two ways — the scheduler's own histogram (clock
/// read after the driver write returned) and the chip's transition log (stamp taken inside the
/// write) against due times recomputed from the waveforms — and allocated bytes per edge in the
/// steady state (GC.GetTotalAllocatedBytes over the measured window, all threads).
/// </summary>
public static class EdgeTimingBench
{
    /// <summary>Runs both scenarios; returns 0, or 1 when an argument is bad.</summary>
    /// <param name="args">--seconds N, --threads N, --spin-us N, --rt N (SCHED_FIFO priority, 0 = off).</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args)
    {
        var seconds = 10.0;
        var options = EdgeSchedulerOptions.Default;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = double.Parse(args[i + 1], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--seconds": seconds = value; break;
                case "--threads": options = options.WithThreadCount((int)value); break;
                case "--spin-us": options = options.WithSpinWindow(TimeSpan.FromMicroseconds(value)); break;
                case "--rt": options = options.WithRealtimePriority((int)value); break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}; use --seconds, --threads, --spin-us, --rt");
                    return 1;
            }
        }

        Console.WriteLine($"edge timing on the real clock, simulated chip; {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        Console.WriteLine($"timing: threads={options.ThreadCount} spin-window={options.SpinWindow.TotalMicroseconds:0}us realtime-priority={options.RealtimePriority}; {seconds:0.#} s measured per scenario after 1 s warm-up");
        Scenario("1 kHz software PWM, 8 lines", 1000, [.. Enumerable.Range(4, 8)], seconds, options);
        Scenario("100 Hz software PWM, 28 header GPIOs (0..27)", 100, [.. Enumerable.Range(0, 28)], seconds, options);
        return 0;
    }

    /// <summary>Runs one scenario and prints its line.</summary>
    private static void Scenario(string name, double frequency, int[] lines, double seconds, EdgeSchedulerOptions options)
    {
        var chip = new SimulatedGpioChip(TimeProvider.System, transitionLogCapacity: 1 << 22);
        using var controller = new GpioController(new SimulatedGpioDriver(chip), "bench");
        foreach (var line in lines)
        {
            controller.OpenPin(line, PinMode.Output);
        }

        using var scheduler = EdgeScheduler.Create(controller, TimeProvider.System, options, log: Console.WriteLine);
        var period = 1e9 / frequency;
        var origin = scheduler.NowNanoseconds + 10_000_000;
        var waveforms = new Waveform[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            // Phases spread over the period and duties from 20 % to 80 %: edges at many distinct instants.
            var duty = 0.2 + (0.6 * i / Math.Max(1, lines.Length - 1));
            waveforms[i] = Waveform.Pwm(frequency, duty, origin + (long)(period * i / lines.Length));
            scheduler.Start(lines[i], waveforms[i]);
        }

        Thread.Sleep(TimeSpan.FromSeconds(1));
        scheduler.ResetStatistics();
        chip.ClearTransitions();
        var windowStart = scheduler.NowNanoseconds;
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        Thread.Sleep(TimeSpan.FromSeconds(seconds));
        var bytesAfter = GC.GetTotalAllocatedBytes(precise: true);
        var windowEnd = scheduler.NowNanoseconds;
        var stats = scheduler.GetStatistics();
        foreach (var line in lines)
        {
            scheduler.Cancel(line, PinValue.Low);
        }

        var fromLog = LogErrors(chip, lines, waveforms, windowStart, windowEnd);
        Console.WriteLine();
        Console.WriteLine(name);
        Console.WriteLine($"  edges measured        {stats.EdgeCount,12:N0}  ({stats.EdgeCount / seconds:N0}/s)");
        Console.WriteLine($"  error, scheduler      p50 {Us(stats.P50Nanoseconds)}  p99 {Us(stats.P99Nanoseconds)}  p99.9 {Us(stats.P999Nanoseconds)}  max {Us(stats.MaxNanoseconds)}  mean {Us((long)stats.MeanNanoseconds)}");
        Console.WriteLine($"  error, transition log p50 {Us(fromLog.P50)}  p99 {Us(fromLog.P99)}  p99.9 {Us(fromLog.P999)}  max {Us(fromLog.Max)}  ({fromLog.Count:N0} transitions, {fromLog.Skipped:N0} missed edges)");
        Console.WriteLine($"  allocated             {bytesAfter - bytesBefore:N0} bytes = {(double)(bytesAfter - bytesBefore) / Math.Max(1, stats.EdgeCount):0.###} bytes/edge (all threads, measured window)");
    }

    /// <summary>Edge errors recomputed from the transition log within the window (not the final cancel): each stamp minus the due time of the edge it is.</summary>
    private static (long P50, long P99, long P999, long Max, int Count, long Skipped) LogErrors(SimulatedGpioChip chip, int[] lines, Waveform[] waveforms, long windowStart, long windowEnd)
    {
        var errors = new List<long>();
        long skipped = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var w = waveforms[i];
            var period = 1e9 / w.FrequencyHz;
            var high = (long)Math.Round(w.DutyCycle * period);
            long lastCycle = -1;
            foreach (var t in chip.Transitions(lines[i]).Where(t => t.TimestampNanoseconds >= windowStart && t.TimestampNanoseconds < windowEnd))
            {
                var offset = t.Level.IsHigh ? 0 : high;
                var cycle = (long)Math.Floor((t.TimestampNanoseconds - w.StartNanoseconds - offset) / period);
                var due = w.StartNanoseconds + (long)Math.Round(cycle * period) + offset;
                errors.Add(t.TimestampNanoseconds - due);
                if (t.Level.IsHigh && lastCycle >= 0)
                {
                    skipped += cycle - lastCycle - 1;
                }

                if (t.Level.IsHigh)
                {
                    lastCycle = cycle;
                }
            }
        }

        errors.Sort();
        long At(double q) => errors.Count == 0 ? 0 : errors[Math.Min(errors.Count - 1, (int)Math.Ceiling(q * errors.Count) - 1)];
        return (At(0.5), At(0.99), At(0.999), errors.Count == 0 ? 0 : errors[^1], errors.Count, skipped);
    }

    /// <summary>Nanoseconds as microseconds.</summary>
    private static string Us(long nanoseconds) => $"{nanoseconds / 1000.0,8:0.0} us";

    /// <summary>The 1-minute load average, to tell a busy machine from a slow scheduler.</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
