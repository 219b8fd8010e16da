using BenchmarkDotNet.Attributes;
using FitCoach.Application.Features.Exercises.Matching;
using FitCoach.Domain.Exercises;
using FitCoach.Infrastructure.Catalog;

namespace FitCoach.Benchmarks;

/// <summary>
/// The exercise matcher over the full shipped catalog, uncached: one query of each kind it handles (an exact
/// catalog name, an abbreviation, a typo, a speech-recognition error, a phrase, nonsense), and the index build a
/// new matcher pays once (per user for custom-exercise lists).
/// </summary>
[MemoryDiagnoser]
public class ExerciseMatcherBenchmarks
{
    private IReadOnlyList<Exercise> _catalog = [];
    private ExerciseMatcher _matcher = null!;

    public static IEnumerable<string> Queries =>
    [
        "Barbell Bench Press - Medium Grip",
        "RDL",
        "dumbell bench press",
        "venture press",
        "lat pulldowns wide grip",
        "asdfgh",
    ];

    [GlobalSetup]
    public void Setup()
    {
        _catalog = JsonExerciseCatalog.LoadEmbedded().All;
        _matcher = new ExerciseMatcher(_catalog);
    }

    [Benchmark]
    [ArgumentsSource(nameof(Queries))]
    public ExerciseMatch? BestMatch(string query) => _matcher.BestMatch(query);

    [Benchmark]
    public ExerciseMatcher BuildIndex() => new(_catalog);
}
