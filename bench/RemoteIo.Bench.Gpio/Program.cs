using BenchmarkDotNet.Running;
using RemoteIo.Bench.Gpio;

// Edge timing on the real clock (the numbers in the README):
//   dotnet run -c Release --project bench/RemoteIo.Bench.Gpio -- edges [--seconds 10] [--threads 1] [--spin-us 200] [--rt 0]
// Micro-benchmarks (BenchmarkDotNet):
//   dotnet run -c Release --project bench/RemoteIo.Bench.Gpio -- --filter '*'
if (args.Length > 0 && args[0] == "edges")
{
    return EdgeTimingBench.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(EdgeTimingBench).Assembly).Run(args);
return 0;
