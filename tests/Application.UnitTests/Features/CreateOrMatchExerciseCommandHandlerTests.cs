using FitCoach.Application.Common.Ports;
using FitCoach.Application.Features.Exercises;
using FitCoach.Application.Features.Exercises.CreateOrMatch;
using FitCoach.Application.Features.Exercises.Matching;
using FitCoach.Domain.Exercises;
using FitCoach.Infrastructure.Catalog;
using Mapster;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Xunit;

namespace FitCoach.Application.UnitTests.Features;

public sealed class CreateOrMatchExerciseCommandHandlerTests
{
    private static readonly JsonExerciseCatalog Catalog = JsonExerciseCatalog.LoadEmbedded();
    private static readonly ExerciseMatcher Matcher = new(Catalog.All);

    private readonly ICustomExerciseStore _store = Substitute.For<ICustomExerciseStore>();
    private readonly IAppMetrics _metrics = Substitute.For<IAppMetrics>();
    private readonly IExerciseNameVectors _vectors = Substitute.For<IExerciseNameVectors>();
    private readonly CreateOrMatchExerciseCommandHandler _handler;

    public CreateOrMatchExerciseCommandHandlerTests()
    {
        TypeAdapterConfig.GlobalSettings.Scan(typeof(ApplicationAssembly).Assembly);
        var services = new ServiceCollection();
        services.AddHybridCache();
        var cache = services.BuildServiceProvider().GetRequiredService<HybridCache>();
        var matchCache = new ExerciseMatchCache(cache, Matcher, _metrics, NullLogger<ExerciseMatchCache>.Instance);
        _handler = new CreateOrMatchExerciseCommandHandler(Catalog, matchCache, _store, new CustomExerciseMatchers(TimeProvider.System), new ExerciseMeaningMatcher(_vectors, Catalog), new MapsterMapper.Mapper(DependencyInjection.MappingConfiguration()));
        _store.ListAsync(default!, default).ReturnsForAnyArgs([]);
        _vectors.Calibration.Returns((ExerciseNameCalibration?)null);
    }

    private void MeaningIsOn(string name, params ExerciseNameNeighbour[] nearest)
    {
        _vectors.Calibration.Returns(new ExerciseNameCalibration(MinSimilarity: 0.7, MinMargin: 0.02, MinWordSimilarity: 0.55));
        _vectors.NearestAsync(name, Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns(nearest);
    }

    private Task<CreateOrMatchExerciseResponse> Handle(string name, string? equipment = null, IReadOnlyList<string>? muscles = null) =>
        _handler.Handle(new CreateOrMatchExerciseCommand("u1", name, equipment, muscles), TestContext.Current.CancellationToken);

    [Fact]
    public async Task Handle_WhenNameMatchesTheCatalog_ReturnsItWithoutTouchingCustomExercises()
    {
        var result = await Handle("RDL");

        Assert.True(result.Matched);
        Assert.False(result.Created);
        Assert.Contains("Romanian", result.Exercise.Name, StringComparison.Ordinal);
        await _store.DidNotReceiveWithAnyArgs().ListAsync(default!, default);
    }

    [Fact]
    public async Task Handle_WhenTheSameNameIsAskedAgain_ServesTheMatchFromTheCache()
    {
        await Handle("db bench press");
        await Handle("DB  Bench-Press");

        _metrics.Received(1).CacheMiss(ExerciseMatchCache.CacheName);
        _metrics.Received(1).CacheHit(ExerciseMatchCache.CacheName);
    }

    [Fact]
    public async Task Handle_WhenTheUserHasAMatchingCustomExercise_ReturnsItInsteadOfCreating()
    {
        var own = new Exercise("Custom_Zorblax_Hold", "Zorblax Hold", "bands", ["quadriceps"], [], "strength", "beginner", null, null) { OwnerId = "u1" };
        _store.ListAsync("u1", Arg.Any<CancellationToken>()).Returns([own]);

        var result = await Handle("zorblax hold");

        Assert.True(result.Matched);
        Assert.Equal("Custom_Zorblax_Hold", result.Exercise.Id);
        Assert.True(result.Exercise.Custom);
        await _store.DidNotReceiveWithAnyArgs().SaveAsync(default!, default!, default);
    }

    [Fact]
    public async Task Handle_WhenNothingMatches_CreatesAndStoresACustomExerciseForTheCaller()
    {
        var result = await Handle("zercher wobble carry", "barbell", ["quads", "abs"]);

        Assert.True(result.Created);
        Assert.False(result.Matched);
        Assert.Equal("Zercher Wobble Carry", result.Exercise.Name);
        Assert.Equal("Custom_Zercher_Wobble_Carry", result.Exercise.Id);
        Assert.Equal("barbell", result.Exercise.Equipment);
        Assert.Equal(["quadriceps", "abdominals"], result.Exercise.PrimaryMuscles);
        await _store.Received(1).SaveAsync("u1", Arg.Is<Exercise>(e => e.Id == "Custom_Zercher_Wobble_Carry" && e.OwnerId == "u1"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_WhenCreatingWithoutEquipment_InfersItFromTheNameOrSaysOther()
    {
        var withWord = await Handle("kettlebell zorp shuffle");
        var without = await Handle("florp shuffle");

        Assert.Equal("kettlebell", withWord.Exercise.Equipment);
        Assert.Equal("other", without.Exercise.Equipment);
    }

    [Fact]
    public void MappingConfiguration_Compiles()
    {
        var config = new TypeAdapterConfig();
        config.Scan(typeof(ApplicationAssembly).Assembly);

        config.Compile();
        var dto = Catalog.Find("Barbell_Squat")!.Adapt<ExerciseDto>(config);

        Assert.Equal("Barbell_Squat", dto.Id);
        Assert.False(dto.Custom);
    }

    [Fact]
    public async Task Handle_WhenTheUserHasTheMostCustomExercises_RefusesToCreateAnother()
    {
        _store.ListAsync("u1", Arg.Any<CancellationToken>()).Returns([.. Enumerable.Range(0, CreateOrMatchExerciseCommandHandler.MaxCustomExercises)
            .Select(i => new FitCoach.Domain.Exercises.Exercise($"custom_{i}", $"Zorblax Variation {i}", "other", [], [], "strength", "beginner", null, null) { OwnerId = "u1" })]);

        await Assert.ThrowsAsync<FitCoach.Application.Common.Exceptions.ConflictException>(() => Handle("qwxzv flurb machine"));

        await _store.DidNotReceiveWithAnyArgs().SaveAsync(default!, default!, default);
    }

    [Fact]
    public async Task Handle_WhenWordsMatchTheCatalog_SaysSo_AndNeverEmbedsTheName()
    {
        MeaningIsOn("RDL", new ExerciseNameNeighbour("Leg_Press", 0.99));

        var result = await Handle("RDL");

        Assert.Equal("Romanian_Deadlift", result.Exercise.Id);
        Assert.Equal(CreateOrMatchExerciseResponse.ByName, result.MatchedBy);
        await _vectors.DidNotReceiveWithAnyArgs().NearestAsync(default!, default, default);
    }

    [Fact]
    public async Task Handle_WhenTheUserHasAMatchingCustomExercise_ItWinsOverAMatchByMeaning()
    {
        var own = new Exercise("Custom_Atlantis_Leg_Press", "Atlantis Leg Press", "machine", ["quadriceps"], [], "strength", "beginner", null, null) { OwnerId = "u1" };
        _store.ListAsync("u1", Arg.Any<CancellationToken>()).Returns([own]);
        MeaningIsOn("atlantis leg press", new ExerciseNameNeighbour("Leg_Press", 0.8), new ExerciseNameNeighbour("Smith_Machine_Leg_Press", 0.6));

        var result = await Handle("atlantis leg press");

        Assert.Equal("Custom_Atlantis_Leg_Press", result.Exercise.Id);
        Assert.Equal(CreateOrMatchExerciseResponse.ByName, result.MatchedBy);
        await _vectors.DidNotReceiveWithAnyArgs().NearestAsync(default!, default, default);
    }

    [Fact]
    public async Task Handle_WhenWordsFailButTheMeaningIsClear_ReturnsTheCatalogExerciseInsteadOfCreating()
    {
        MeaningIsOn("Atlantis leg press", new ExerciseNameNeighbour("Leg_Press", 0.8), new ExerciseNameNeighbour("Smith_Machine_Leg_Press", 0.6));

        var result = await Handle("Atlantis leg press");

        Assert.True(result.Matched);
        Assert.False(result.Created);
        Assert.Equal("Leg_Press", result.Exercise.Id);
        Assert.Equal(CreateOrMatchExerciseResponse.ByMeaning, result.MatchedBy);
        Assert.Equal(0.8, result.Score, 6);
        await _store.DidNotReceiveWithAnyArgs().SaveAsync(default!, default!, default);
    }

    [Fact]
    public async Task Handle_WhenTheNearestNameIsNotClearlyRight_CreatesACustomExercise()
    {
        MeaningIsOn("Copenhagen plank", new ExerciseNameNeighbour("Plank", 0.9), new ExerciseNameNeighbour("Push_Up_to_Side_Plank", 0.5));

        var result = await Handle("Copenhagen plank");

        Assert.True(result.Created);
        Assert.Null(result.MatchedBy);
        await _store.Received(1).SaveAsync("u1", Arg.Is<Exercise>(e => e.Id == "Custom_Copenhagen_Plank"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_WhenEmbeddingsAreOff_CreatesAsBefore_WithoutAskingForNeighbours()
    {
        var result = await Handle("Atlantis leg press");

        Assert.True(result.Created);
        Assert.False(result.Matched);
        Assert.Null(result.MatchedBy);
        Assert.Equal("Custom_Atlantis_Leg_Press", result.Exercise.Id);
        await _vectors.DidNotReceiveWithAnyArgs().NearestAsync(default!, default, default);
    }
}
