using BenchmarkDotNet.Attributes;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.Rag;
using FitCoach.Application.Features.Coach.AskCoach;
using Microsoft.Extensions.DependencyInjection;

namespace FitCoach.Benchmarks;

/// <summary>
/// The offline composer writing an answer from passages retrieved once in setup (fixed), for a lifter with a full
/// profile, against the whole-corpus retrieval for the same question (the baseline), so the ratio says which of the
/// two a cache miss spends its time on.
/// </summary>
[Config(typeof(PerCallLatencyConfig))]
public class OfflineCoachComposerBenchmarks
{
    private readonly OfflineCoachComposer _composer = CoachFixture.Services.GetRequiredService<OfflineCoachComposer>();
    private IReadOnlyList<KnowledgePassage> _passages = [];

    [ParamsSource(nameof(Questions))]
    public string Question { get; set; } = "";

    public static IEnumerable<string> Questions => CoachFixture.Questions;

    [GlobalSetup]
    public void Setup()
    {
        _passages = Retrieve().GetAwaiter().GetResult().Passages;
        Console.WriteLine($"// '{Question}': {_passages.Count} passages, answer {Compose().Text.Length} chars");
    }

    [Benchmark(Baseline = true)]
    public Task<RetrievedKnowledge> Retrieve() =>
        CoachFixture.Retriever.RetrieveAsync(Question, [], CoachAnswerWriter.PassagesUsed, CancellationToken.None);

    [Benchmark]
    public ComposedAnswer Compose() => _composer.Compose(Question, _passages, CoachFixture.Context, []);
}
