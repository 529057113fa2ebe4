using BenchmarkDotNet.Running;

// Runs this assembly's benchmarks: dotnet run -c Release --project bench/RemoteIo.Bench.Pins -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
