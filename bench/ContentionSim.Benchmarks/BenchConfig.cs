using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ContentionSim.Benchmarks;

/// <summary>
/// A short job for a small shared machine: in process (no generated project to build), 2 warm-up
/// and 5 measured iterations, allocations counted. The machine is shared and noisy, so compare
/// rows of one run (ratios), not runs of different days.
/// </summary>
public sealed class ShortConfig : ManualConfig
{
    public ShortConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(5)
            .WithId("short"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Min);
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}
