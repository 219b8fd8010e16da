using BenchmarkDotNet.Attributes;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Features.Exercises.CreateOrMatch;
using FitCoach.Application.Features.Exercises.Matching;
using FitCoach.Infrastructure.Catalog;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FitCoach.Benchmarks;

/// <summary>
/// create-or-match's matching step as the handler runs it: through the exercise-match cache (HybridCache, in-process
/// tier warm) versus the matcher alone (what every cache miss pays).
/// </summary>
[MemoryDiagnoser]
public class ExerciseMatchCacheBenchmarks
{
    private ExerciseMatchCache _cache = null!;

    [Params("bench press", "RDL", "venture press", "db incline press")]
    public string Query { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddHybridCache();
        var hybrid = services.BuildServiceProvider().GetRequiredService<HybridCache>();
        var matcher = new ExerciseMatcher(JsonExerciseCatalog.LoadEmbedded().All);
        _cache = new ExerciseMatchCache(hybrid, matcher, new NoMetrics(), NullLogger<ExerciseMatchCache>.Instance);
        _cache.MatchAsync(Query, null, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public CachedExerciseMatch Uncached() => _cache.Compute(Query, null);

    [Benchmark]
    public ValueTask<CachedExerciseMatch> Cached() => _cache.MatchAsync(Query, null, CancellationToken.None);
}
