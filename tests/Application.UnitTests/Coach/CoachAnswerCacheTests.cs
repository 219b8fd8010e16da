using FitCoach.Application.Common.Ports;
using FitCoach.Application.Features.Coach.AskCoach;
using FitCoach.Application.Common.UserContext;
using FitCoach.Domain.Profiles;
using FitCoach.Infrastructure.Knowledge.Retrieval;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Xunit;

namespace FitCoach.Application.UnitTests.Coach;

/// <summary>The answer cache's semantic match, with a substitute embedding model.</summary>
public sealed class CoachAnswerCacheTests
{
    private static readonly UserContext Context = new(new UserProfile(), TrainingSummary.Empty);

    private readonly ITextEmbedder _embedder = Substitute.For<ITextEmbedder>();
    private readonly IAppMetrics _metrics = Substitute.For<IAppMetrics>();
    private readonly CoachAnswerCache _cache;
    private int _composed;

    public CoachAnswerCacheTests()
    {
        _embedder.IsConfigured.Returns(true);
        _embedder.ParaphraseSimilarity.Returns(0.9);
        var services = new ServiceCollection();
        services.AddHybridCache();
        _cache = new CoachAnswerCache(
            services.BuildServiceProvider().GetRequiredService<HybridCache>(),
            new AnalyzerTextNormalizer(new TextAnalyzer()),
            _metrics,
            NullLogger<CoachAnswerCache>.Instance,
            _embedder);
    }

    private static float[] Unit(params float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => x / norm)];
    }

    private Task<(CoachAnswer Answer, bool Cached)> Ask(string question, string model = "gpt-test") =>
        _cache.GetOrComposeAsync(question, Context, model, _ =>
        {
            _composed++;
            return Task.FromResult(new CoachAnswer($"answer {_composed}", [], [], model));
        }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task SimilarMeaning_DifferentWords_IsASemanticHit()
    {
        _embedder.EmbedAsync("How do I get bigger arms?", Arg.Any<CancellationToken>()).Returns(Unit(1, 0.1f, 0));
        _embedder.EmbedAsync("What builds biceps size fastest?", Arg.Any<CancellationToken>()).Returns(Unit(1, 0.15f, 0.02f));

        var first = await Ask("How do I get bigger arms?");
        var second = await Ask("What builds biceps size fastest?");

        Assert.False(first.Cached);
        Assert.True(second.Cached);
        Assert.Equal("answer 1", second.Answer.Answer);
        _metrics.Received(1).ModelCallAvoided("coach", "semantic");
    }

    [Fact]
    public async Task ASemanticHitsWording_AskedAgain_IsAnExactHit_WithoutAnotherEmbedding()
    {
        _embedder.EmbedAsync("How do I get bigger arms?", Arg.Any<CancellationToken>()).Returns(Unit(1, 0.1f, 0));
        _embedder.EmbedAsync("What builds biceps size fastest?", Arg.Any<CancellationToken>()).Returns(Unit(1, 0.15f, 0.02f));

        await Ask("How do I get bigger arms?");
        await Ask("What builds biceps size fastest?");
        var again = await Ask("what builds biceps size fastest");

        Assert.True(again.Cached);
        Assert.Equal("answer 1", again.Answer.Answer);
        Assert.Equal(1, _composed);
        await _embedder.Received(1).EmbedAsync("What builds biceps size fastest?", Arg.Any<CancellationToken>());
        await _embedder.DidNotReceive().EmbedAsync("what builds biceps size fastest", Arg.Any<CancellationToken>());
        _metrics.Received(1).ModelCallAvoided("coach", "semantic");
        _metrics.Received(1).ModelCallAvoided("coach", "exact");
    }

    [Theory]
    [InlineData("sharp pain on the inside of my knee when squatting", "sharp pain on the outside of my knee when squatting")]
    [InlineData("should I stretch before lifting", "should I stretch after lifting")]
    [InlineData("should I deload every 4 weeks?", "should I deload every 8 weeks?")]
    [InlineData("what is zone 2 training", "what does zone 5 training do")]
    public async Task AnEdit_OfACachedQuestion_IsAMiss_HoweverSimilarItsEmbedding(string cached, string asked)
    {
        // Sentence embeddings rate such edits 0.95-0.97 alike (MiniLM), above most true rewordings.
        _embedder.EmbedAsync(cached, Arg.Any<CancellationToken>()).Returns(Unit(1, 0.01f, 0));
        _embedder.EmbedAsync(asked, Arg.Any<CancellationToken>()).Returns(Unit(1, 0.02f, 0));

        await Ask(cached);
        var second = await Ask(asked);

        Assert.False(second.Cached);
        Assert.Equal(2, _composed);
    }

    [Fact]
    public async Task SimilarityBelowTheModelsParaphraseLevel_IsAMiss()
    {
        // Cosine 0.917: a hit at a 0.9 paraphrase level, not at 0.95.
        _embedder.ParaphraseSimilarity.Returns(0.95);
        _embedder.EmbedAsync("How do I get bigger arms?", Arg.Any<CancellationToken>()).Returns(Unit(1, 0.3f, 0));
        _embedder.EmbedAsync("What builds biceps size fastest?", Arg.Any<CancellationToken>()).Returns(Unit(1, 0, 0.3f));
        var cache = new CoachAnswerCache(
            new ServiceCollection().AddHybridCache().Services.BuildServiceProvider().GetRequiredService<HybridCache>(),
            new AnalyzerTextNormalizer(new TextAnalyzer()),
            _metrics,
            NullLogger<CoachAnswerCache>.Instance,
            _embedder);

        await cache.GetOrComposeAsync("How do I get bigger arms?", Context, "m", _ => Task.FromResult(new CoachAnswer("a", [], [], "m")), TestContext.Current.CancellationToken);
        var second = await cache.GetOrComposeAsync("What builds biceps size fastest?", Context, "m", _ => Task.FromResult(new CoachAnswer("b", [], [], "m")), TestContext.Current.CancellationToken);

        Assert.False(second.Cached);
    }

    [Fact]
    public async Task DifferentMeaning_IsAMiss()
    {
        _embedder.EmbedAsync("How do I get bigger arms?", Arg.Any<CancellationToken>()).Returns(Unit(1, 0.1f, 0));
        _embedder.EmbedAsync("How do I fix knee pain?", Arg.Any<CancellationToken>()).Returns(Unit(0.2f, 0, 1));

        await Ask("How do I get bigger arms?");
        var second = await Ask("How do I fix knee pain?");

        Assert.False(second.Cached);
        Assert.Equal(2, _composed);
    }

    [Fact]
    public async Task SemanticMatch_NeverCrossesModels()
    {
        _embedder.EmbedAsync(default!, default).ReturnsForAnyArgs(Unit(1, 0, 0));

        await Ask("How do I get bigger arms?", "model-a");
        var other = await Ask("What builds biceps size fastest?", "model-b");

        Assert.False(other.Cached);
    }

    [Fact]
    public async Task EmbeddingFailure_FallsBackToWordMatching()
    {
        _embedder.EmbedAsync(default!, default).ThrowsAsyncForAnyArgs(new InvalidOperationException("embeddings down"));

        await Ask("How long does DOMS last?");
        var reworded = await Ask("how long does doms last");
        var different = await Ask("What builds biceps size fastest?");

        Assert.True(reworded.Cached);
        Assert.False(different.Cached);
        _metrics.Received(1).ModelCallAvoided("coach", "exact");
    }
}
