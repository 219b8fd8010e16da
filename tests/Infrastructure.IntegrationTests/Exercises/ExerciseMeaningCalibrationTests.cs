using System.Globalization;
using System.Text;
using System.Text.Json;
using FitCoach.Application.Features.Exercises.Matching;
using FitCoach.Infrastructure.Catalog;
using FitCoach.Infrastructure.Embeddings;
using FitCoach.Infrastructure.IntegrationTests.Knowledge.Hybrid;
using FitCoach.Infrastructure.Knowledge.Hybrid;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Exercises;

/// <summary>
/// The create-or-match meaning fallback with the real local model and the shipped name vectors, on
/// exercise-names-semantic.json: names the word matcher cannot resolve that are clearly a catalog exercise, and names of
/// exercises the catalog lacks. No novel name may be matched and no name may be matched to a wrong exercise; the share
/// matched rightly is reported and held to a floor.
/// </summary>
public sealed class ExerciseMeaningCalibrationTests(ITestOutputHelper output)
{
    /// <summary>Measured: 8 of 65 (64 since "Katana extension" became a word rewrite) with the local model's calibration, none wrong (docs/BENCHMARKS.md); a floor, not a goal.</summary>
    private const int MinimumRightMatches = 8;

    private static readonly JsonElement Set = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Exercises", "exercise-names-semantic.json"))).RootElement;

    private static readonly JsonExerciseCatalog Catalog = JsonExerciseCatalog.LoadEmbedded();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NovelNames_AreNeverMatched_AndNamesOfCatalogExercises_AreMatchedRightlyOrNotAtAll()
    {
        using var embedder = await LocalModel.EmbedderAsync(Cancel);
        var (matcher, vectors) = await ReadyMatcherAsync(embedder);
        var calibration = vectors.Calibration!;
        var right = new List<string>();
        var wrong = new List<string>();
        var missed = new List<string>();
        var shouldMatch = Set.GetProperty("shouldMatch").EnumerateArray().ToList();
        foreach (var row in shouldMatch)
        {
            var name = row.GetProperty("name").GetString()!;
            var acceptable = row.GetProperty("acceptable").EnumerateArray().Select(id => id.GetString()!).ToHashSet(StringComparer.Ordinal);
            var match = await matcher.MatchAsync(name, null, Cancel);
            var line = await DescribeAsync(vectors, name, match);
            (match is null ? missed : acceptable.Contains(match.Exercise.Id) ? right : wrong).Add(line);
        }

        var novel = Set.GetProperty("novel").EnumerateArray().Select(n => n.GetString()!).ToList();
        var falseMatches = new List<string>();
        foreach (var name in novel)
        {
            if (await matcher.MatchAsync(name, null, Cancel) is { } match)
            {
                falseMatches.Add(await DescribeAsync(vectors, name, match));
            }
        }

        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"calibration: similarity >= {calibration.MinSimilarity}, margin >= {calibration.MinMargin}, stand-in word >= {calibration.MinWordSimilarity}")
            .AppendLine(CultureInfo.InvariantCulture, $"catalog names matched by meaning: {right.Count}/{shouldMatch.Count} right, {wrong.Count} wrong, {missed.Count} left to create")
            .AppendLine(CultureInfo.InvariantCulture, $"novel names matched: {falseMatches.Count}/{novel.Count}")
            .AppendLine("right:").AppendJoin(Environment.NewLine, right).AppendLine()
            .AppendLine("wrong:").AppendJoin(Environment.NewLine, wrong).AppendLine()
            .AppendLine("novel matched:").AppendJoin(Environment.NewLine, falseMatches).AppendLine()
            .AppendLine("missed:").AppendJoin(Environment.NewLine, missed);
        output.WriteLine(report.ToString());

        Assert.True(falseMatches.Count == 0 && wrong.Count == 0, report.ToString());
        Assert.InRange(right.Count, MinimumRightMatches, shouldMatch.Count);
    }

    [Fact]
    public void EveryNameOfTheSet_IsOneTheWordMatcherCannotResolve_AndEveryAcceptableIdIsInTheCatalog()
    {
        var words = new ExerciseMatcher(Catalog.All);
        var names = Set.GetProperty("shouldMatch").EnumerateArray().Select(r => r.GetProperty("name").GetString()!)
            .Concat(Set.GetProperty("novel").EnumerateArray().Select(n => n.GetString()!))
            .ToList();
        var ids = Set.GetProperty("shouldMatch").EnumerateArray()
            .SelectMany(r => r.GetProperty("acceptable").EnumerateArray().Select(id => id.GetString()!));

        var resolved = names.Where(name => words.BestMatch(name) is not null).ToList();
        var unknown = ids.Where(id => Catalog.Find(id) is null).ToList();

        Assert.True(resolved.Count == 0, $"The word matcher resolves: {string.Join(", ", resolved)}");
        Assert.True(unknown.Count == 0, $"Not in the catalog: {string.Join(", ", unknown)}");
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public async Task NameVectors_BeforeTheIndexIsReady_AnswerNothingAtOnce_AndWithoutAModel_AreOff()
    {
        using var embedder = await LocalModel.EmbedderAsync(Cancel);
        var unbuilt = new ExerciseNameVectors(NameIndex(embedder), embedder, Catalog.All, NullLogger<ExerciseNameVectors>.Instance);
        var off = new ExerciseNameVectors(NameIndex(embedder), new NoTextEmbedder(), Catalog.All, NullLogger<ExerciseNameVectors>.Instance);

        var nearest = unbuilt.NearestAsync("Atlantis leg press", 5, Cancel);

        Assert.True(nearest.IsCompletedSuccessfully);
        Assert.Empty(await nearest);
        Assert.Equal(0, unbuilt.Count);
        Assert.NotNull(unbuilt.Calibration);
        Assert.Null(off.Calibration);
        Assert.Empty(await off.NearestAsync("Atlantis leg press", 5, Cancel));
        Assert.Null(await off.SimilarityAsync("cycle", "bike", Cancel));
    }

    private static async Task<(ExerciseMeaningMatcher Matcher, ExerciseNameVectors Vectors)> ReadyMatcherAsync(LocalTextEmbedder embedder)
    {
        var index = NameIndex(embedder);
        await index.BuildAsync(Cancel);
        Assert.Equal(0, index.LastBuild!.Embedded); // every catalog name's vector ships in the vector file
        var vectors = new ExerciseNameVectors(index, embedder, Catalog.All, NullLogger<ExerciseNameVectors>.Instance);
        Assert.Equal(Catalog.All.Count, vectors.Count);
        return (new ExerciseMeaningMatcher(vectors, Catalog), vectors);
    }

    /// <summary>The document vector index holding only the catalog's names, read from the shipped vector file.</summary>
    private static DocumentVectorIndex NameIndex(LocalTextEmbedder embedder) => new(
        [],
        embedder,
        NullLogger<DocumentVectorIndex>.Instance,
        store: new CorpusVectorStore(LocalSentenceModel.ModelId, null, NullLogger.Instance),
        extraTexts: CorpusVectorTexts.ExerciseNames(Catalog.All));

    private static async Task<string> DescribeAsync(ExerciseNameVectors vectors, string name, ExerciseMatch? match)
    {
        var nearest = await vectors.NearestAsync(name, 2, Cancel);
        var neighbours = string.Join(", ", nearest.Select(n => string.Create(CultureInfo.InvariantCulture, $"{n.ExerciseId} {n.Similarity:F3}")));
        return match is null ? $"  '{name}': nearest {neighbours}" : $"  '{name}' -> {match.Exercise.Id} (nearest {neighbours})";
    }
}
