using BenchmarkDotNet.Attributes;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.Rag;
using FitCoach.Application.Features.Exercises.Substitutes;
using FitCoach.Application.Features.Injury.AnalyzeInjury;
using FitCoach.Application.Features.Injury.Reading;
using FitCoach.Domain.Exercises;
using MapsterMapper;
using Microsoft.Extensions.DependencyInjection;

namespace FitCoach.Benchmarks;

/// <summary>
/// The injury analysis without the cache, retrieval and the semantic signal (target: under 2 ms): the handler as the
/// app wires it (embeddings off, so the labeler answers "off" and the region comes from the words), on a description
/// with a red flag, one with denied signs, and the two readers alone.
/// </summary>
[MemoryDiagnoser]
public class InjuryAnalysisBenchmarks
{
    private const string RedFlag = "tweaked my lower back deadlifting and now there's numbness going down my left leg, can't sleep for the pain at night";
    private const string Denied = "front of my knee aches after squats, no swelling, never gave way, no pop, doesn't wake me at night";

    private AnalyzeInjuryQueryHandler _handler = null!;

    [GlobalSetup]
    public void Setup()
    {
        var services = CoachFixture.Services;
        _handler = new AnalyzeInjuryQueryHandler(
            services.GetRequiredService<IExerciseCatalog>(),
            services.GetRequiredService<SubstitutionEngine>(),
            services.GetRequiredService<ISemanticLabeler>(),
            new RagContext(),
            services.GetRequiredService<IMapper>());
    }

    [Benchmark(Baseline = true)]
    public Task<AnalyzeInjuryResponse> AnalyzeWithARedFlag() =>
        _handler.Handle(new AnalyzeInjuryQuery("bench", RedFlag, null, null), CancellationToken.None);

    [Benchmark]
    public Task<AnalyzeInjuryResponse> AnalyzeWithDeniedSigns() =>
        _handler.Handle(new AnalyzeInjuryQuery("bench", Denied, null, 3), CancellationToken.None);

    [Benchmark]
    public IReadOnlyList<RedFlag> RedFlagsAlone() => RedFlagReader.Read(RedFlag);

    [Benchmark]
    public IReadOnlyList<string> RegionsAlone() => BodyRegionReader.Read(RedFlag);
}
