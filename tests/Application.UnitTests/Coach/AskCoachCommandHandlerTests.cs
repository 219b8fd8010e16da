using FitCoach.Application.Common.Ports;
using FitCoach.Application.Features.Coach.AskCoach;
using FitCoach.Application.Common.UserContext;
using FitCoach.Domain.Profiles;
using FitCoach.Domain.Workouts;
using FitCoach.Infrastructure.Knowledge.Retrieval;
using MediatR;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using NSubstitute.Extensions;
using Xunit;

namespace FitCoach.Application.UnitTests.Coach;

/// <summary>The handler's decisions: when the answer cache is used, what history is read and written, what degrades.</summary>
public sealed class AskCoachCommandHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly ICoachAnswerWriter _writer = Substitute.For<ICoachAnswerWriter>();
    private readonly IConversationStore _conversations = Substitute.For<IConversationStore>();
    private readonly IProfileStore _profiles = Substitute.For<IProfileStore>();
    private readonly IWorkoutStore _workouts = Substitute.For<IWorkoutStore>();
    private readonly IAppMetrics _metrics = Substitute.For<IAppMetrics>();
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = new(Now);
    private readonly AskCoachCommandHandler _handler;
    private int _composed;

    public AskCoachCommandHandlerTests()
    {
        var services = new ServiceCollection();
        services.AddHybridCache();
        var cache = services.BuildServiceProvider().GetRequiredService<HybridCache>();
        _writer.ModelId.Returns("offline");
        _profiles.GetAsync(default!, default).ReturnsForAnyArgs((UserProfile?)null);
        _workouts.ListAsync(default!, default, default, default).ReturnsForAnyArgs([]);
        _conversations.GetAsync(default!, default!, default, default).ReturnsForAnyArgs([]);
        _writer.WriteAsync(default!, default!, default!, default).ReturnsForAnyArgs(_ =>
        {
            _composed++;
            return new CoachAnswer($"answer {_composed} [1]", [new SourceDto("nutrition", "nutrition/protein", "Protein", "1.6 g/kg", 0.6)], ["nutrition"], "offline");
        });
        var contexts = new UserContextProvider(cache, _profiles, _workouts, _clock, _metrics);
        var answers = new CoachAnswerCache(cache, new AnalyzerTextNormalizer(new TextAnalyzer()), _metrics, NullLogger<CoachAnswerCache>.Instance, new FitCoach.Infrastructure.Embeddings.NoTextEmbedder());
        _handler = new AskCoachCommandHandler(_writer, contexts, _conversations, answers, _clock, NullLogger<AskCoachCommandHandler>.Instance);
    }

    private Task<AskCoachResponse> Ask(string question, string? conversationId = null, string user = "u1") =>
        _handler.Handle(new AskCoachCommand(user, question, conversationId), TestContext.Current.CancellationToken);

    [Fact]
    public async Task FirstQuestion_IsComposed_AndStoredAsTwoTurns()
    {
        var response = await Ask("How much protein do I need?");

        Assert.False(response.Cached);
        Assert.Equal("answer 1 [1]", response.Answer);
        await _conversations.Received(1).AppendAsync("u1", response.ConversationId,
            Arg.Is<IReadOnlyList<ConversationTurn>>(t => t.Count == 2 && t[0].Role == "user" && t[0].Content == "How much protein do I need?" && t[1].Content == "answer 1 [1]"),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task History_KeepsTheAnswersProse_WithoutItsSourceList_AtMost1500Chars()
    {
        var prose = string.Join(' ', Enumerable.Repeat("Eat about 1.6 g of protein per kg of body weight a day.", 40));
        _writer.WriteAsync(default!, default!, default!, default).ReturnsForAnyArgs(
            new CoachAnswer(prose + "\n\nSources:\n[1] Protein (nutrition)", [], ["nutrition"], "offline"));
        var first = await Ask("How much protein do I need?");
        var second = await Ask("how much protein do i need", user: "u2");

        var stored = _conversations.ReceivedCalls().Where(c => c.GetMethodInfo().Name == nameof(IConversationStore.AppendAsync))
            .Select(c => (IReadOnlyList<ConversationTurn>)c.GetArguments()[2]!).ToList();
        Assert.Equal(2, stored.Count);

        Assert.True(second.Cached);
        Assert.Contains("Sources:", first.Answer, StringComparison.Ordinal);
        Assert.All(stored, turns =>
        {
            Assert.Equal(prose[..CoachAnswer.MaxRememberedChars], turns[1].Content);
            Assert.DoesNotContain("Sources:", turns[1].Content, StringComparison.Ordinal);
        });
        Assert.Same(stored[0][1].Content, stored[1][1].Content); // one copy however many conversations get the answer
    }

    [Fact]
    public async Task SameQuestion_SameContext_IsServedFromTheCache_WithoutComposing()
    {
        await Ask("How much protein do I need?");
        var second = await Ask("how much PROTEIN do i need", user: "u2"); // same (empty) context: shareable

        Assert.True(second.Cached);
        Assert.Equal(1, _composed);
        _metrics.Received().CacheHit(CoachAnswerCache.CacheName);
        _metrics.DidNotReceiveWithAnyArgs().ModelCallAvoided(default!, default!); // offline: no model call to avoid
    }

    [Fact]
    public async Task DifferentContext_IsNotServedAnotherContextsAnswer()
    {
        _profiles.GetAsync("u2", Arg.Any<CancellationToken>()).Returns(new UserProfile { Experience = "beginner" });

        await Ask("How much protein do I need?");
        var second = await Ask("How much protein do I need?", user: "u2");

        Assert.False(second.Cached);
        Assert.Equal(2, _composed);
    }

    [Fact]
    public async Task FollowUp_ReadsHistory_AndBypassesTheCache()
    {
        _conversations.GetAsync("u1", "c_1", AskCoachCommandHandler.HistoryTurns, Arg.Any<CancellationToken>())
            .Returns([new ConversationTurn("user", "How much protein do I need?", Now), new ConversationTurn("assistant", "1.6 g/kg", Now)]);
        await Ask("How much protein do I need?");

        var followUp = await Ask("How much protein do I need?", "c_1");

        Assert.False(followUp.Cached);
        Assert.Equal("c_1", followUp.ConversationId);
        await _writer.Received().WriteAsync("How much protein do I need?", Arg.Any<UserContext>(), Arg.Is<IReadOnlyList<ConversationTurn>>(h => h.Count == 2), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task HistoryStoreDown_StillAnswers()
    {
        _conversations.AppendAsync(default!, default!, default!, default).ThrowsAsyncForAnyArgs(new InvalidOperationException("redis down"));

        var response = await Ask("How much protein do I need?");

        Assert.Equal("answer 1 [1]", response.Answer);
    }

    [Fact]
    public async Task DegradedAnswer_IsNotCached()
    {
        _writer.Configure().WriteAsync(default!, default!, default!, default).ReturnsForAnyArgs(_ =>
        {
            _composed++;
            return new CoachAnswer("offline fallback [1]", [], [], "offline") { Degraded = true };
        });

        await Ask("Is creatine safe?");
        var second = await Ask("Is creatine safe?");

        Assert.False(second.Cached);
        Assert.Equal(2, _composed);
    }

    [Fact]
    public async Task UserContext_IsCached_UntilInvalidated()
    {
        await Ask("How much protein do I need?");
        await Ask("Is creatine safe?");
        await _profiles.Received(1).GetAsync("u1", Arg.Any<CancellationToken>());

        var services = new ServiceCollection();
        services.AddHybridCache();
        var provider = new UserContextProvider(services.BuildServiceProvider().GetRequiredService<HybridCache>(), _profiles, _workouts, _clock, _metrics);
        await provider.GetAsync("u9", TestContext.Current.CancellationToken);
        await provider.InvalidateAsync("u9", TestContext.Current.CancellationToken);
        await provider.GetAsync("u9", TestContext.Current.CancellationToken);
        await _profiles.Received(2).GetAsync("u9", Arg.Any<CancellationToken>());
    }

    [Fact]
    public void TrainingSummary_CountsWorkingSets_AndTopLifts()
    {
        static WorkoutSet Set(string? type = null) => new() { Reps = 5, Weight = 100, Unit = "kg", Type = type };
        var history = new List<Workout>
        {
            new("w1", "u1", Now.AddDays(-10), 60, 8, [new WorkoutExercise("Barbell_Squat", "Barbell Squat", [Set("warmup"), Set(), Set(), Set()])]),
            new("w2", "u1", Now.AddDays(-2), 60, 7, [new WorkoutExercise("Barbell_Squat", "Barbell Squat", [Set()]), new WorkoutExercise("Bench", "Bench Press", [Set(), Set()])]),
            new("w3", "u1", Now.AddDays(-1), 10, null, []), // empty: not a workout
        };

        var summary = UserContextProvider.Summarize(history, Now);

        Assert.Equal(2, summary.WorkoutsLast28Days);
        Assert.Equal(0.5, summary.WorkoutsPerWeek);
        Assert.Equal(6, summary.HardSetsLast28Days);
        Assert.Equal(2, summary.DaysSinceLastWorkout);
        Assert.Equal(7.5, summary.AverageSessionRpe);
        Assert.Equal(["Barbell Squat", "Bench Press"], summary.TopExercises);
    }

    [Fact]
    public void Fingerprint_IsCoarse_AndChangesWithTheFacts()
    {
        var a = new UserContext(new UserProfile { Age = 31, WeightKg = 80.4 }, TrainingSummary.Empty);
        var b = new UserContext(new UserProfile { Age = 37, WeightKg = 79.2 }, TrainingSummary.Empty);
        var c = new UserContext(new UserProfile { Age = 37, WeightKg = 79.2, Injuries = ["knee"] }, TrainingSummary.Empty);

        Assert.Equal(a.Fingerprint, b.Fingerprint); // same decade, same 5 kg band
        Assert.NotEqual(b.Fingerprint, c.Fingerprint);
    }
}
