using BenchmarkDotNet.Running;

// Runs this assembly's benchmarks: dotnet run -c Release --project bench/RemoteIo.Bench.Kernel -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
