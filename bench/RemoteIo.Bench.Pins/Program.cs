using System.Globalization;
using BenchmarkDotNet.Running;
using RemoteIo.Bench.Pins;

// The pin domain's numbers (README), on the real clock over the simulated chip:
//   dotnet run -c Release --project bench/RemoteIo.Bench.Pins -- all [--seconds 10]
//   ... -- throughput | impulses | blink | inputs | idle | hardware   (one scenario)
//   ... [--rt N]   timing threads at SCHED_FIFO priority N (remoteio.gpio.timing.realtime-priority)
//   ... [--spin-us N] [--spin-budget X]   remoteio.gpio.timing.spin-window (µs) and spin-budget (share of a core)
// Micro-benchmarks, if any are added (BenchmarkDotNet):
//   dotnet run -c Release --project bench/RemoteIo.Bench.Pins -- --filter '*'
var scenarios = new[] { "all", "throughput", "impulses", "blink", "inputs", "idle", "hardware" };
if (args.Length == 0 || !scenarios.Contains(args[0]))
{
    if (args.Length == 0)
    {
        Console.Error.WriteLine($"usage: {string.Join(" | ", scenarios)} [--seconds N], or BenchmarkDotNet options");
        return 1;
    }

    BenchmarkSwitcher.FromAssembly(typeof(BenchHost).Assembly).Run(args);
    return 0;
}

var seconds = Option("--seconds", 10);
var realtime = (int)Option("--rt", 0);
BenchHost.Timing = BenchHost.Timing.WithRealtimePriority(realtime)
    .WithSpinWindow(TimeSpan.FromMicroseconds(Option("--spin-us", BenchHost.Timing.SpinWindow.TotalMicroseconds)))
    .WithSpinBudget(Option("--spin-budget", BenchHost.Timing.SpinBudget));
var which = args[0];
Console.WriteLine($"RemoteIo pins bench: {Environment.ProcessorCount} cores, load average {BenchHost.LoadAverage()}, .NET {Environment.Version}, timing threads {(realtime > 0 ? $"SCHED_FIFO {realtime}" : "normal scheduler")}, spin window {BenchHost.Timing.SpinWindow.TotalMicroseconds:0} µs, spin budget {BenchHost.Timing.SpinBudget:0.###} of a core");
if (which is "all" or "throughput")
{
    ThroughputBench.Run(400_000, 20_000);
}

if (which is "all" or "impulses")
{
    TimingBench.Impulses(40);
}

if (which is "all" or "blink")
{
    TimingBench.Blink(seconds);
}

if (which is "all" or "inputs")
{
    InputBench.Run(seconds);
}

if (which is "all" or "idle")
{
    IdleBench.Run(seconds);
}

if (which is "all" or "hardware")
{
    HardwarePwmBench.Run(40);
}

return 0;

double Option(string name, double fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? double.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
