using System.Diagnostics;

namespace RemoteIo.Bench.Pins;

/// <summary>Process CPU with all 28 header GPIOs claimed and idle (nothing running).</summary>
public static class IdleBench
{
    /// <summary>Runs the scenario.</summary>
    /// <param name="seconds">Measured time.</param>
    public static void Run(double seconds)
    {
        using var host = new BenchHost();
        host.ClaimOutputs(Enumerable.Range(0, 28));
        Thread.Sleep(1000);
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        Thread.Sleep(TimeSpan.FromSeconds(seconds));
        process.Refresh();
        var cpu = process.TotalProcessorTime - before;
        Console.WriteLine();
        Console.WriteLine($"idle host, 28 pins claimed, {seconds:0.#} s");
        Console.WriteLine($"  process CPU           {cpu.TotalMilliseconds:0} ms = {cpu.TotalSeconds / watch.Elapsed.TotalSeconds * 100:0.00}% of one core");
    }
}
