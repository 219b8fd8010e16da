using System.Globalization;
using System.Text;
using System.Text.Json;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.Rag;
using FitCoach.Infrastructure.Catalog;
using FitCoach.Infrastructure.Embeddings;
using FitCoach.Infrastructure.IntegrationTests.Knowledge.Hybrid;
using FitCoach.Infrastructure.IntegrationTests.Support;
using FitCoach.Infrastructure.Knowledge;
using FitCoach.Infrastructure.Knowledge.Corpus;
using FitCoach.Infrastructure.Knowledge.Hybrid;
using FitCoach.Infrastructure.Knowledge.Retrieval;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Knowledge;

/// <summary>
/// Realistic coach questions (coach-questions.json, shared with the API's coach acceptance test) through the same
/// retrieval the coach does: the topic router picks namespaces, BM25 searches each (top 5), and the hits are merged by
/// score. A question passes when one of the merged top three comes from a namespace a reviewer accepted for it.
/// Every failure is printed with the namespaces searched and the top three ids.
/// </summary>
public sealed class RetrievalAcceptanceTests(ITestOutputHelper output)
{
    private const double RequiredHitRate = 0.85;
    private const int MinimumCases = 100;
    private const int TopKPerNamespace = 5;
    private const int Judged = 3;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<KnowledgeCorpus> Corpus = new(() => KnowledgeCorpus.Load(JsonExerciseCatalog.LoadEmbedded().All));

    private static readonly Lazy<Bm25Index> Index = new(() => new Bm25Index(Corpus.Value.Documents, new TextAnalyzer()));

    private static readonly Lazy<Task<HybridKnowledgeSearch>> Hybrid = new(async () =>
    {
        var catalog = JsonExerciseCatalog.LoadEmbedded().All;
        var embedder = await LocalModel.EmbedderAsync(CancellationToken.None);
        var logger = new RecordingLogger<DocumentVectorIndex>();
        var vectors = new DocumentVectorIndex(
            Corpus.Value.Documents, embedder, logger,
            store: new CorpusVectorStore(LocalSentenceModel.ModelId, null, logger),
            extraTexts: CorpusVectorTexts.ExerciseNames(catalog));
        await vectors.BuildAsync(CancellationToken.None);
        return new HybridKnowledgeSearch(
            new EmbeddedKnowledgeIndex(Index.Value), vectors, embedder, (float)EmbeddingsOptions.DefaultLocalMinSimilarity, new RecordingLogger<HybridKnowledgeSearch>());
    });

    [Theory]
    [InlineData("coach-questions.json")]
    [InlineData("coach-questions-holdout.json")]
    public async Task RoutedSearch_OverTheCoachQuestions_PutsAnAppropriateNamespaceInTheTopThreeAtLeastEightyFivePercentOfTheTime(string file)
    {
        var cases = await LoadCasesAsync(file);
        var router = new TopicNamespaceRouter([new Bm25NamespaceAffinity(new EmbeddedKnowledgeIndex(Index.Value))]);
        var failures = new StringBuilder();
        var hits = 0;
        foreach (var question in cases)
        {
            var namespaces = router.Choose(question.Question);
            var top = namespaces
                .SelectMany(ns => Index.Value.Search(question.Question, ns, TopKPerNamespace))
                .OrderByDescending(p => p.Score)
                .ThenBy(p => p.Id, StringComparer.Ordinal)
                .Take(Judged)
                .ToList();
            if (top.Exists(p => question.Appropriate.Contains(p.Namespace)))
            {
                hits++;
                continue;
            }

            failures.AppendLine(CultureInfo.InvariantCulture, $"'{question.Question}'");
            failures.AppendLine(CultureInfo.InvariantCulture, $"    appropriate: {string.Join(", ", question.Appropriate)}");
            failures.AppendLine(CultureInfo.InvariantCulture, $"    searched:    {string.Join(", ", namespaces)}");
            failures.AppendLine(CultureInfo.InvariantCulture, $"    top {Judged}:       {Show(top)}");
        }

        var rate = (double)hits / cases.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{hits}/{cases.Count} with an appropriate namespace in the top {Judged} ({rate:P1})"));
        output.WriteLine(failures.ToString());

        Assert.True(cases.Count >= MinimumCases, $"The acceptance set has only {cases.Count} questions.");
        Assert.True(rate >= RequiredHitRate, $"Only {rate:P1} of questions had an appropriate top-{Judged} source:{Environment.NewLine}{failures}");
    }

    /// <summary>
    /// The same judgement through what the app serves by default: BM25 and the local model's vectors (the shipped
    /// vector file, the real MiniLM model) fused by RRF over the routed namespaces.
    /// </summary>
    [Theory]
    [InlineData("coach-questions.json")]
    [InlineData("coach-questions-holdout.json")]
    public async Task HybridRoutedSearch_OverTheCoachQuestions_PutsAnAppropriateNamespaceInTheTopThreeAtLeastEightyFivePercentOfTheTime(string file)
    {
        var cases = await LoadCasesAsync(file);
        var hybrid = await Hybrid.Value;
        var router = new TopicNamespaceRouter([new Bm25NamespaceAffinity(new EmbeddedKnowledgeIndex(Index.Value))]);
        var failures = new StringBuilder();
        var hits = 0;
        foreach (var question in cases)
        {
            var namespaces = router.Choose(question.Question);
            var top = (await hybrid.SearchManyAsync(question.Question, namespaces, TopKPerNamespace, (_, _, _) => { }, TestContext.Current.CancellationToken))
                .Take(Judged)
                .ToList();
            if (top.Exists(p => question.Appropriate.Contains(p.Namespace)))
            {
                hits++;
                continue;
            }

            failures.AppendLine(CultureInfo.InvariantCulture, $"'{question.Question}'");
            failures.AppendLine(CultureInfo.InvariantCulture, $"    appropriate: {string.Join(", ", question.Appropriate)}");
            failures.AppendLine(CultureInfo.InvariantCulture, $"    top {Judged}:       {Show(top)}");
        }

        var rate = (double)hits / cases.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hybrid: {hits}/{cases.Count} with an appropriate namespace in the top {Judged} ({rate:P1})"));
        output.WriteLine(failures.ToString());

        Assert.True(rate >= RequiredHitRate, $"Only {rate:P1} of questions had an appropriate top-{Judged} source:{Environment.NewLine}{failures}");
    }

    [Theory]
    [InlineData("coach-questions.json")]
    [InlineData("coach-questions-holdout.json")]
    public async Task AcceptanceSet_EveryAppropriateNamespace_IsAKnownNamespace(string file)
    {
        var cases = await LoadCasesAsync(file);

        var unknown = cases.SelectMany(c => c.Appropriate).Where(ns => !KnowledgeNamespaces.All.Contains(ns)).Distinct().ToList();

        Assert.Empty(unknown);
        Assert.All(cases, c => Assert.NotEmpty(c.Appropriate));
        Assert.Equal(cases.Count, cases.Select(c => c.Question).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    private static string Show(List<KnowledgePassage> top) => top.Count == 0
        ? "(nothing)"
        : string.Join("  ", top.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Id} ({p.Score:0.000})")));

    private static async Task<List<CoachQuestion>> LoadCasesAsync(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Knowledge", file);
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<List<CoachQuestion>>(stream, JsonOptions, TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException($"{file} is empty.");
    }

    private sealed record CoachQuestion(string Question, IReadOnlyList<string> Appropriate);
}
