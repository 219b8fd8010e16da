using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.Embeddings;
using FitCoach.Infrastructure.IntegrationTests.Support;
using FitCoach.Infrastructure.SemanticLabels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.SemanticLabels;

/// <summary>
/// The labeler and its scoring on hand-made three-dimensional vectors: label "a" points along x, label "b" along y
/// and z, so which label a query is nearest, and by how much, can be worked out by hand.
/// </summary>
public sealed class ExampleEmbeddingLabelerTests
{
    private static readonly Dictionary<string, float[]> Vectors = new(StringComparer.Ordinal)
    {
        ["a one"] = [1f, 0f, 0f],
        ["a two"] = [0.8f, 0.6f, 0f],
        ["b one"] = [0f, 1f, 0f],
        ["b two"] = [0f, 0.6f, 0.8f],
        ["mostly a"] = [0.6f, 0.8f, 0f],
        ["opposite of a"] = [-1f, 0f, 0f],
    };

    private static readonly LabelledExampleSet Set = new(
        SemanticLabelSets.Intent,
        [new("a", "a one"), new("a", "a two"), new("b", "b one"), new("b", "b two")]);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RankAsync_OnceBuilt_ScoresEachLabelByItsCentroid_AndNamesItsNearestExample()
    {
        var embedder = new ScriptedEmbedder(Vectors);
        using var labeler = Labeler(embedder);
        await labeler.BuildAsync().WaitAsync(Cancel);

        var ranking = await labeler.RankAsync(SemanticLabelSets.Intent, "mostly a", Cancel);

        // Centroid of a: (1.8, 0.6, 0) / 1.897 -> 0.6 * 0.9487 + 0.8 * 0.3162 = 0.8222; of b: (0, 1.6, 0.8) / 1.789 -> 0.7155.
        Assert.Equal(SemanticSignal.Available, ranking.Signal);
        Assert.Equal(["a", "b"], ranking.Labels.Select(l => l.Label));
        Assert.Equal(0.8222, ranking.Labels[0].Score, 4);
        Assert.Equal(0.7155, ranking.Labels[1].Score, 4);
        Assert.Equal("a two", ranking.Labels[0].NearestExample);
        Assert.Equal("b one", ranking.Labels[1].NearestExample);
        Assert.Equal(0.1067, ranking.Margin, 4);
        Assert.Equal(1, embedder.TextCalls);
    }

    [Fact]
    public void Rank_CountsOppositeMeaningAsZero_AndKeepsLabelOrderOnTies()
    {
        var vectors = new LabelledVectors(Set, [.. Set.Examples.Select(e => Vectors[e.Text])]);

        var ranking = vectors.Rank(Vectors["opposite of a"]);

        Assert.Equal(["a", "b"], ranking.Select(l => l.Label));
        Assert.All(ranking, l => Assert.Equal(0, l.Score));
        Assert.Throws<ArgumentException>(() => vectors.Rank(new float[2]));
    }

    [Fact]
    public async Task RankAsync_BeforeTheExamplesAreEmbedded_AnswersWarmingAtOnce_AndStartsEmbeddingThem()
    {
        var embedder = new ScriptedEmbedder(Vectors) { HoldBatches = true };
        using var labeler = Labeler(embedder);

        var call = labeler.RankAsync(SemanticLabelSets.Intent, "mostly a", Cancel);

        Assert.True(call.IsCompleted, "The call waited for the examples.");
        Assert.Equal(SemanticSignal.Warming, (await call).Signal);
        Assert.Empty((await call).Labels);
        Assert.Equal(0, embedder.TextCalls);
        while (embedder.BatchCalls == 0)
        {
            await Task.Delay(5, Cancel);
        }

        embedder.ReleaseBatches();
        await labeler.BuildAsync().WaitAsync(Cancel);
        Assert.True(labeler.IsReady);
        Assert.Equal(SemanticSignal.Available, (await labeler.RankAsync(SemanticLabelSets.Intent, "mostly a", Cancel)).Signal);
        Assert.Equal(1, embedder.BatchCalls);
    }

    [Fact]
    public async Task RankAsync_WhileTheModelIsNotReady_AnswersWarmingAtOnce_WithoutEmbedding()
    {
        var embedder = new ScriptedEmbedder(Vectors);
        using var labeler = Labeler(embedder);
        await labeler.BuildAsync().WaitAsync(Cancel);
        embedder.IsReady = false;

        var call = labeler.RankAsync(SemanticLabelSets.Intent, "mostly a", Cancel);

        Assert.True(call.IsCompleted, "The call waited for the model.");
        Assert.Equal(SemanticSignal.Warming, (await call).Signal);
        Assert.Equal(0, embedder.TextCalls);
    }

    [Fact]
    public async Task RankAsync_WhenEmbeddingTheTextFails_AnswersFailed_LogsOncePerOutage_AndRecovers()
    {
        var embedder = new ScriptedEmbedder(Vectors);
        var logger = new RecordingLogger<ExampleEmbeddingLabeler>();
        using var labeler = new ExampleEmbeddingLabeler([Set], embedder, logger);
        await labeler.BuildAsync().WaitAsync(Cancel);
        embedder.FailTexts = true;

        var first = await labeler.RankAsync(SemanticLabelSets.Intent, "mostly a", Cancel);
        var second = await labeler.RankAsync(SemanticLabelSets.Intent, "a one", Cancel);
        embedder.FailTexts = false;
        var recovered = await labeler.RankAsync(SemanticLabelSets.Intent, "mostly a", Cancel);

        Assert.Equal(SemanticSignal.Failed, first.Signal);
        Assert.Equal(SemanticSignal.Failed, second.Signal);
        Assert.Equal(SemanticSignal.Available, recovered.Signal);
        Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("answers again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BuildAsync_RetriesFailedBatches_WithAWarningForTheFirstFailureOnly()
    {
        var embedder = new ScriptedEmbedder(Vectors);
        embedder.FailNextBatches(3);
        var logger = new RecordingLogger<ExampleEmbeddingLabeler>();
        using var labeler = new ExampleEmbeddingLabeler([Set], embedder, logger, firstRetryDelay: TimeSpan.FromMilliseconds(1));

        await labeler.BuildAsync().WaitAsync(TimeSpan.FromSeconds(10), Cancel);

        Assert.True(labeler.IsReady);
        Assert.Equal(4, embedder.BatchCalls);
        Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal(2, logger.Entries.Count(e => e.Level == LogLevel.Debug && e.Message.Contains("failed again", StringComparison.Ordinal)));
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Debug && e.Message.Contains("the signal is available", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Entries, e => e.Level == LogLevel.Information);
    }

    [Fact]
    public async Task Dispose_StopsABuildThatIsStillRetrying()
    {
        var embedder = new ScriptedEmbedder(Vectors);
        embedder.FailNextBatches(int.MaxValue);
        var labeler = Labeler(embedder, firstRetryDelay: TimeSpan.FromMinutes(1));
        var build = labeler.BuildAsync();
        while (embedder.BatchCalls == 0)
        {
            await Task.Delay(5, Cancel);
        }

        labeler.Dispose();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => build.WaitAsync(TimeSpan.FromSeconds(10), Cancel));
        Assert.False(labeler.IsReady);
    }

    [Fact]
    public async Task RankAsync_RefusesAnUnknownLabelSet_ASetItHasNoExamplesFor_AndBlankText()
    {
        using var labeler = Labeler(new ScriptedEmbedder(Vectors));

        await Assert.ThrowsAsync<ArgumentException>(() => labeler.RankAsync("mood", "mostly a", Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => labeler.RankAsync(SemanticLabelSets.BodyRegion, "mostly a", Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => labeler.RankAsync(SemanticLabelSets.Intent, "  ", Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => new NoSemanticLabeler().RankAsync("mood", "mostly a", Cancel));
    }

    [Fact]
    public async Task RankAsync_WithTheLocalModelLoading_AnswersWarmingAtOnce_AndFailedOnceItFailedToLoad()
    {
        using var gate = new ManualResetEventSlim();
        var model = new LocalSentenceModel(() =>
        {
            gate.Wait(TimeSpan.FromSeconds(30));
            throw new InvalidOperationException("model file is damaged");
        });
        using var embedder = new LocalTextEmbedder(model, new RecordingMetrics());
        using var labeler = new ExampleEmbeddingLabeler([Set], embedder, NullLogger<ExampleEmbeddingLabeler>.Instance, firstRetryDelay: TimeSpan.FromMinutes(1));
        model.StartLoading();

        var loading = labeler.RankAsync(SemanticLabelSets.Intent, "bench 3x8 at 100", Cancel);
        Assert.True(loading.IsCompleted, "The call waited for the model.");
        Assert.Equal(SemanticSignal.Warming, (await loading).Signal);

        gate.Set();
        while (model.State != LocalModelState.Failed)
        {
            await Task.Delay(5, Cancel);
        }

        Assert.Equal(SemanticSignal.Failed, (await labeler.RankAsync(SemanticLabelSets.Intent, "bench 3x8 at 100", Cancel)).Signal);
    }

    [Fact]
    public async Task NoSemanticLabeler_AnswersOffAtOnce()
    {
        var call = new NoSemanticLabeler().RankAsync(SemanticLabelSets.BodyRegion, "my knee hurts", Cancel);

        Assert.True(call.IsCompleted);
        var ranking = await call;
        Assert.Equal(SemanticSignal.Off, ranking.Signal);
        Assert.False(ranking.IsAvailable);
        Assert.Null(ranking.Top);
        Assert.Equal(0, ranking.Margin);
    }

    private static ExampleEmbeddingLabeler Labeler(ScriptedEmbedder embedder, TimeSpan? firstRetryDelay = null) =>
        new([Set], embedder, NullLogger<ExampleEmbeddingLabeler>.Instance, firstRetryDelay);
}
