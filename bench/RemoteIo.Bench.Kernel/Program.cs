using BenchmarkDotNet.Running;
using RemoteIo.Bench.Kernel;

// BenchmarkDotNet suite:  dotnet run -c Release --project bench/RemoteIo.Bench.Kernel -- --filter '*'
// Latency histogram:      dotnet run -c Release --project bench/RemoteIo.Bench.Kernel -- --latency [dispatcher-id]
// Quick throughput:       dotnet run -c Release --project bench/RemoteIo.Bench.Kernel -- --throughput [dispatcher-id]
const string DefaultDispatcher = "remoteio.actor.default-dispatcher";
switch (args)
{
    case ["--latency", ..]:
        QuickCheck.Latency(args.Length > 1 ? args[1] : DefaultDispatcher);
        break;
    case ["--throughput", ..]:
        QuickCheck.Throughput(args.Length > 1 ? args[1] : DefaultDispatcher);
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(QuickCheck).Assembly).Run(args);
        break;
}
