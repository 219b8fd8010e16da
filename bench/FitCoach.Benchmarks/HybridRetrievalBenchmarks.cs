using BenchmarkDotNet.Attributes;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.Rag;
using FitCoach.Application.Features.Coach.AskCoach;
using FitCoach.Infrastructure.Embeddings;
using FitCoach.Infrastructure.Knowledge.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FitCoach.Benchmarks;

/// <summary>
/// Retrieval as the app serves it by default: BM25 and the local MiniLM model's vectors (the shipped vector file)
/// fused by RRF over the routed namespaces. The question's vector is computed once in setup and then served from the
/// embedder's question cache, so <see cref="WholeCorpusHybrid"/> measures retrieval without the model run (target: p99
/// under 5 ms); <see cref="EmbedQuestion"/> measures the model run alone (a new text every call, so never cached).
/// </summary>
[Config(typeof(PerCallLatencyConfig))]
public class HybridRetrievalBenchmarks
{
    private KnowledgeRetriever _retriever = null!;
    private LocalTextEmbedder _embedder = null!;
    private int _call;

    [ParamsSource(nameof(Questions))]
    public string Question { get; set; } = "";

    public static IEnumerable<string> Questions => [.. CoachFixture.Questions, CoachFixture.FifteenNamespaces];

    [GlobalSetup]
    public void Setup()
    {
        var model = LocalSentenceModel.Shared;
        model.StartLoading();
        model.WhenReadyAsync(CancellationToken.None).GetAwaiter().GetResult();
        _embedder = new LocalTextEmbedder(model, new NoMetrics());
        var vectors = new DocumentVectorIndex(
            CoachFixture.Services.GetRequiredService<FitCoach.Infrastructure.Knowledge.Corpus.KnowledgeCorpus>().Documents,
            _embedder,
            NullLogger<DocumentVectorIndex>.Instance,
            store: new CorpusVectorStore(LocalSentenceModel.ModelId, null, NullLogger.Instance));
        vectors.BuildAsync(CancellationToken.None).GetAwaiter().GetResult();
        var search = new HybridKnowledgeSearch(
            CoachFixture.Index, vectors, _embedder, (float)EmbeddingsOptions.DefaultLocalMinSimilarity, NullLogger<HybridKnowledgeSearch>.Instance);
        _retriever = new KnowledgeRetriever(search, CoachFixture.Router, new NoMetrics(), NullLogger<KnowledgeRetriever>.Instance);
        var retrieved = WholeCorpusHybrid().GetAwaiter().GetResult(); // embeds the question once; later calls hit the cache
        Console.WriteLine($"// model loaded in {model.LoadTime?.TotalSeconds:0.00} s; vectors: {vectors.LastBuild}; top passage {(retrieved.Passages.Count > 0 ? retrieved.Passages[0].Id : "(none)")}");
    }

    /// <summary>Router, BM25 over the chosen namespaces, vectors over them, RRF; the question's vector from the cache.</summary>
    [Benchmark]
    public Task<RetrievedKnowledge> WholeCorpusHybrid() =>
        _retriever.RetrieveAsync(Question, [], CoachAnswerWriter.PassagesUsed, CancellationToken.None);

    /// <summary>One MiniLM run for a question the cache has not seen.</summary>
    [Benchmark]
    public Task<float[]> EmbedQuestion() => _embedder.EmbedAsync($"{Question} #{_call++}", CancellationToken.None);
}
