using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Mathematics.OutlierDetection;

namespace FitCoach.Benchmarks;

/// <summary>
/// One call per iteration, so every statistic (Mean, P95, Max) is over single calls rather than over means of many
/// calls, and nothing is hidden from the tail: outliers are kept and no GC is forced between iterations, so a
/// collection lands in whichever call triggers it, as it would in a request. BenchmarkDotNet has no P99 column, so
/// <see cref="P99Column"/> adds one; with outliers kept, Max (the slowest single call) is also at least the p99, so a
/// Max under a target bounds the p99 under it without any percentile estimate.
/// In-process, like the repository's other benchmarks (the out-of-process toolchain cannot find the project).
/// </summary>
public sealed class PerCallLatencyConfig : ManualConfig
{
    public const int Calls = 1000;

    public PerCallLatencyConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Throughput)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithWarmupCount(100)
            .WithIterationCount(Calls)
            .WithGcForce(false)
            .WithOutlierMode(OutlierMode.DontRemove)
            .WithId("PerCall"));
        AddColumn(StatisticColumn.P95, P99Column.Instance, StatisticColumn.Max);
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}

/// <summary>A startup cost paid once: a few dozen single builds, every one kept.</summary>
public sealed class OneShotConfig : ManualConfig
{
    public OneShotConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithWarmupCount(3)
            .WithIterationCount(20)
            .WithOutlierMode(OutlierMode.DontRemove)
            .WithId("OneShot"));
        AddColumn(StatisticColumn.P95, StatisticColumn.Max);
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
