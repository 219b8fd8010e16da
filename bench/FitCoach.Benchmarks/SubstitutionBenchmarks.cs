using BenchmarkDotNet.Attributes;
using FitCoach.Domain.Exercises;
using FitCoach.Infrastructure.Catalog;

namespace FitCoach.Benchmarks;

/// <summary>
/// The substitution engine over the full shipped catalog (target: under 1 ms a query): a squat with dumbbells only,
/// a bench press with an injured shoulder (most candidates are checked against the injury map and listed as avoided),
/// a lat pulldown with no filter, and the engine's build (each catalog exercise's movement pattern, once per process).
/// </summary>
[MemoryDiagnoser]
public class SubstitutionBenchmarks
{
    private IReadOnlyList<Exercise> _catalog = [];
    private SubstitutionEngine _engine = null!;
    private Exercise _squat = null!;
    private Exercise _bench = null!;
    private Exercise _pulldown = null!;

    [GlobalSetup]
    public void Setup()
    {
        var catalog = JsonExerciseCatalog.LoadEmbedded();
        _catalog = catalog.All;
        _engine = new SubstitutionEngine(_catalog);
        _squat = catalog.Find("Barbell_Squat")!;
        _bench = catalog.Find("Barbell_Bench_Press_-_Medium_Grip")!;
        _pulldown = catalog.Find("Wide-Grip_Lat_Pulldown")!;
    }

    [Benchmark(Baseline = true)]
    public SubstitutionResult SquatWithDumbbells() =>
        _engine.Find(_squat, new SubstitutionFilters([EquipmentVocabulary.Dumbbell], []), 10);

    [Benchmark]
    public SubstitutionResult BenchWithAnInjuredShoulder() =>
        _engine.Find(_bench, new SubstitutionFilters(null, ["shoulder"]), 10);

    [Benchmark]
    public SubstitutionResult PulldownAnyEquipment() =>
        _engine.Find(_pulldown, SubstitutionFilters.None, 10);

    [Benchmark]
    public SubstitutionEngine BuildEngine() => new(_catalog);
}
