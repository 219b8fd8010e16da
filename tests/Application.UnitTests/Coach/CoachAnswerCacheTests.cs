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
