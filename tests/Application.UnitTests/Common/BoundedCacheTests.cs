using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.UserContext;
using FitCoach.Application.Features.Coach.AskCoach;
using FitCoach.Application.Features.Exercises.Matching;
using FitCoach.Domain.Exercises;
using FitCoach.Domain.Profiles;
using FitCoach.Infrastructure.Knowledge.Retrieval;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Xunit;

namespace FitCoach.Application.UnitTests.Common;

/// <summary>Every in-process cache or memo of Application, filled past its bound: it stays bounded and keeps admitting.</summary>
public sealed class BoundedCacheTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Exercise Custom(string id) =>
        new(id, id.Replace('_', ' '), "other", ["chest"], [], "strength", "beginner", null, null) { OwnerId = "u" };

    [Fact]
    public async Task CustomExerciseMatchers_FilledByMoreUsersThanItHolds_KeepsAtMostItsCapacity_AndStillServes()
    {
        using var matchers = new CustomExerciseMatchers(TimeProvider.System, capacity: 20);

        for (var user = 0; user < 200; user++)
        {
            matchers.For($"user{user}", [Custom($"Custom_Press_{user}")]);
        }

        await Task.Delay(100, Cancel); // MemoryCache compacts in the background once over its size
        Assert.InRange(matchers.Count, 1, 20);
        var latest = matchers.For("late", [Custom("Sled_Push_Variant")]);
        Assert.Equal("Sled_Push_Variant", latest.BestMatch("sled push variant")!.Exercise.Id);
    }

    [Fact]
    public void CustomExerciseMatchers_ReusesTheIndex_UntilTheUsersExercisesChange()
    {
        using var matchers = new CustomExerciseMatchers(TimeProvider.System);
        Exercise[] one = [Custom("Band_Pull_Apart_Custom")];

        var first = matchers.For("u", one);
        var again = matchers.For("u", [.. one]);
        var changed = matchers.For("u", [.. one, Custom("Landmine_Twist_Custom")]);
        matchers.Invalidate("u");
        var afterInvalidate = matchers.For("u", one);

        Assert.Same(first, again);
        Assert.NotSame(first, changed);
        Assert.NotSame(changed, afterInvalidate);
    }

    [Fact]
    public async Task ComposerStemMemo_FilledWithMoreTextsThanItHolds_StaysBounded_AndKeepsAdmittingNewTexts()
    {
        for (var i = 0; i < OfflineCoachComposer.MaxCachedStemSets + 5_000; i++)
        {
            OfflineCoachComposer.Stems($"question number {i} about squats");
        }

        await Task.Delay(200, Cancel);
        OfflineCoachComposer.Stems("a sentence seen after the memo filled up");

        Assert.InRange(OfflineCoachComposer.CachedStemSets, 1, OfflineCoachComposer.MaxCachedStemSets);
        Assert.True(OfflineCoachComposer.IsStemmed("a sentence seen after the memo filled up"));
    }

    [Fact]
    public async Task AnswerCacheSemanticIndex_FilledByManyUserContexts_KeepsAtMostItsVectors()
    {
        var services = new ServiceCollection();
        services.AddHybridCache();
        var embedder = Substitute.For<ITextEmbedder>();
        embedder.IsConfigured.Returns(true);
        var random = new Random(7);
        embedder.EmbedAsync(default!, default).ReturnsForAnyArgs(_ => [.. Enumerable.Range(0, 8).Select(_ => (float)random.NextDouble())]);
        using var cache = new CoachAnswerCache(
            services.BuildServiceProvider().GetRequiredService<HybridCache>(),
            new AnalyzerTextNormalizer(new TextAnalyzer()),
            Substitute.For<IAppMetrics>(),
            NullLogger<CoachAnswerCache>.Instance,
            embedder,
            semanticCapacity: 300);

        // Every workout or profile edit changes the user-facts fingerprint, so each context is a new partition.
        for (var i = 0; i < 400; i++)
        {
            var context = new UserContext(new UserProfile { WeightKg = 50 + i }, TrainingSummary.Empty);
            for (var q = 0; q < 3; q++)
            {
                await cache.GetOrComposeAsync($"question {q} for {i}", context, "m", _ => Task.FromResult(new CoachAnswer("a", [], [], "m")), Cancel);
            }
        }

        await Task.Delay(200, Cancel);
        Assert.InRange(cache.SemanticVectors, 1, 300);
    }
    [Fact]
    public async Task AnswerCacheQuestionMemo_FilledByManyDistinctQuestions_KeepsAtMostItsBound_AndStillHits()
    {
        var services = new ServiceCollection();
        services.AddHybridCache();
        using var cache = new CoachAnswerCache(
            services.BuildServiceProvider().GetRequiredService<HybridCache>(),
            new AnalyzerTextNormalizer(new TextAnalyzer()),
            Substitute.For<IAppMetrics>(),
            NullLogger<CoachAnswerCache>.Instance,
            new FitCoach.Infrastructure.Embeddings.NoTextEmbedder(),
            questionCapacity: 50);
        var context = new UserContext(new UserProfile(), TrainingSummary.Empty);
        var composed = 0;
        Task<CoachAnswer> Compose(CancellationToken _) => Task.FromResult(new CoachAnswer($"answer {++composed}", [], [], "m"));

        for (var i = 0; i < 500; i++)
        {
            await cache.GetOrComposeAsync($"how many sets of exercise {i} per week", context, "m", Compose, Cancel);
            Assert.InRange(cache.RememberedQuestions, 0, 50);
        }

        // A reworded question shares the entry whether or not its digest is remembered; a long one is never remembered.
        var (again, cached) = await cache.GetOrComposeAsync("How many sets of exercise 3 per week?", context, "m", Compose, Cancel);
        Assert.True(cached);
        Assert.Equal("answer 4", again.Answer);
        var longQuestion = "what should i do " + string.Concat(Enumerable.Repeat("when my knee hurts ", 30));
        await cache.GetOrComposeAsync(longQuestion, context, "m", Compose, Cancel);
        Assert.True((await cache.GetOrComposeAsync(longQuestion, context, "m", Compose, Cancel)).Cached);
    }
}
