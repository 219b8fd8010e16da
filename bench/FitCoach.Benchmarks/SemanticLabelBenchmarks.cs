using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.Embeddings;
using FitCoach.Infrastructure.SemanticLabels;
using Microsoft.Extensions.Logging.Abstractions;

namespace FitCoach.Benchmarks;

/// <summary>
/// The semantic signal as a caller pays it, with the local MiniLM model: <see cref="RankNewText"/> is a text the
/// embedder's cache has not seen (one model run, then the ranking), <see cref="RankRepeatedText"/> a text it has (the
/// ranking alone: a dot product per label centroid and per example). Setup also times the one-off cost, embedding
/// every shipped example as the app does, three times, wall clock and CPU.
/// </summary>
[Config(typeof(PerCallLatencyConfig))]
public class SemanticLabelBenchmarks
{
    private ExampleEmbeddingLabeler _labeler = null!;
    private int _call;

    [ParamsSource(nameof(Texts))]
    public (string LabelSet, string Text) Input { get; set; }

    public static IEnumerable<(string, string)> Texts =>
    [
        (SemanticLabelSets.Intent, "bench 3x8 at 185"),
        (SemanticLabelSets.Intent, "squatted 100 for 5, knee felt tweaky, should i swap to leg press next time or is it fine to keep going"),
        (SemanticLabelSets.BodyRegion, "pinchy feeling in the front of my shoulder on bench"),
    ];

    [GlobalSetup]
    public void Setup()
    {
        var model = LocalSentenceModel.Shared;
        model.StartLoading();
        model.WhenReadyAsync(CancellationToken.None).GetAwaiter().GetResult();
        var embedder = new LocalTextEmbedder(model, new NoMetrics());
        for (var run = 0; run < 3; run++)
        {
            // Copies of the shipped sets, so each run embeds them (the shipped ones are embedded once per process).
            var copies = LabelledExampleSet.Shipped.Select(s => new LabelledExampleSet(s.Name, s.Examples)).ToList();
            using var fresh = new ExampleEmbeddingLabeler(copies, embedder, NullLogger<ExampleEmbeddingLabeler>.Instance);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            fresh.BuildAsync().GetAwaiter().GetResult();
            Console.WriteLine(
                $"// embedding the {copies.Sum(s => s.Examples.Count)} shipped examples: {Stopwatch.GetElapsedTime(started).TotalSeconds:0.00} s wall, " +
                $"{(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.00} s CPU");
        }

        _labeler = new ExampleEmbeddingLabeler(LabelledExampleSet.Shipped, embedder, NullLogger<ExampleEmbeddingLabeler>.Instance);
        _labeler.BuildAsync().GetAwaiter().GetResult();
        var ranking = RankRepeatedText().GetAwaiter().GetResult(); // embeds the text once; later calls hit the cache
        Console.WriteLine($"// '{Input.Text}': {string.Join(", ", ranking.Labels.Take(3).Select(l => $"{l.Label} {l.Score:0.000}"))}");
    }

    [GlobalCleanup]
    public void Cleanup() => _labeler.Dispose();

    /// <summary>Ranking only: the text's vector comes from the embedder's cache.</summary>
    [Benchmark]
    public Task<LabelRanking> RankRepeatedText() => _labeler.RankAsync(Input.LabelSet, Input.Text, CancellationToken.None);

    /// <summary>One MiniLM run for a text the cache has not seen, then the ranking.</summary>
    [Benchmark]
    public Task<LabelRanking> RankNewText() => _labeler.RankAsync(Input.LabelSet, $"{Input.Text} #{_call++}", CancellationToken.None);
}
