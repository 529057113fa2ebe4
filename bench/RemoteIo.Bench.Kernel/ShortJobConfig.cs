using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace RemoteIo.Bench.Kernel;

/// <summary>
/// A short in-process job: each invocation is a whole burst or rally (long enough to time on its
/// own), a few warm-up and measured iterations, and the memory diagnoser (all threads' allocations).
/// </summary>
public sealed class ShortJobConfig : ManualConfig
{
    /// <summary>Builds the configuration.</summary>
    public ShortJobConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
