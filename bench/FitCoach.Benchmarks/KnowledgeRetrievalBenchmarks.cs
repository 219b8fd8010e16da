using BenchmarkDotNet.Attributes;
using FitCoach.Application.Common.Behaviors;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.Rag;
using FitCoach.Application.Features.Coach.AskCoach;
using FitCoach.Domain.Exercises;
using FitCoach.Infrastructure.Catalog;
using FitCoach.Infrastructure.Knowledge;
using FitCoach.Infrastructure.Knowledge.Corpus;

namespace FitCoach.Benchmarks;

/// <summary>
/// The coach's retrieval over the whole corpus as a request runs it (<see cref="RagContextBehavior{TRequest,TResponse}"/>:
/// the topic router picks 10–15 namespaces, each is searched for its top 6, the results are merged by score and the
/// best 6 kept) against one namespace search (the baseline) and the router alone. Target: whole-corpus retrieval p99
/// under 2 ms in-process; see <see cref="PerCallLatencyConfig"/> for why Max bounds the p99.
/// </summary>
[Config(typeof(PerCallLatencyConfig))]
public class KnowledgeRetrievalBenchmarks
{
    private string _firstNamespace = "";

    [ParamsSource(nameof(Questions))]
    public string Question { get; set; } = "";

    public static IEnumerable<string> Questions => [.. CoachFixture.Questions, CoachFixture.FifteenNamespaces];

    [GlobalSetup]
    public void Setup()
    {
        var chosen = CoachFixture.Router.Choose(Question);
        _firstNamespace = chosen[0];
        var retrieved = WholeCorpus().GetAwaiter().GetResult();
        Console.WriteLine($"// {CoachFixture.Index.DocumentCount} documents, search {CoachFixture.Search.Provider}; '{Question}' searches {chosen.Count} namespaces; " +
            $"first {_firstNamespace}; top passage {(retrieved.Passages.Count > 0 ? retrieved.Passages[0].Id : "(none)")}");
    }

    /// <summary>One namespace (the router's first pick), top 6: the unit the whole-corpus search is made of.</summary>
    [Benchmark(Baseline = true)]
    public Task<IReadOnlyList<KnowledgePassage>> OneNamespace() =>
        CoachFixture.Search.SearchAsync(Question, _firstNamespace, CoachAnswerWriter.PassagesUsed, CancellationToken.None);

    [Benchmark]
    public IReadOnlyList<string> RouterOnly() => CoachFixture.Router.Choose(Question);

    /// <summary>Router, every chosen namespace searched (top 6 each), merged by score, best 6 kept.</summary>
    [Benchmark]
    public Task<RetrievedKnowledge> WholeCorpus() =>
        CoachFixture.Retriever.RetrieveAsync(Question, [], CoachAnswerWriter.PassagesUsed, CancellationToken.None);
}

/// <summary>What startup pays once: reading the corpus (markdown + catalog documents) and building the BM25 index.</summary>
[Config(typeof(OneShotConfig))]
public class KnowledgeIndexBuildBenchmarks
{
    private IReadOnlyList<Exercise> _catalog = [];
    private KnowledgeCorpus _corpus = null!;

    [GlobalSetup]
    public void Setup()
    {
        _catalog = JsonExerciseCatalog.LoadEmbedded().All;
        _corpus = KnowledgeCorpus.Load(_catalog);
    }

    [Benchmark(Baseline = true)]
    public KnowledgeCorpus LoadCorpus() =>
        KnowledgeCorpus.Load(_catalog);

    [Benchmark]
    public EmbeddedKnowledgeIndex BuildIndex() =>
        EmbeddedKnowledgeIndex.Build(_corpus);
}
