using FitCoach.Application.Common.Ports;
using FitCoach.Application.Features.Exercises.Matching;
using FitCoach.Infrastructure.Catalog;
using NSubstitute;
using Xunit;

namespace FitCoach.Application.UnitTests.Exercises.Matching;

/// <summary>The meaning fallback's word checks, over the shipped catalog, with the name vectors' answers made up.</summary>
public sealed class ExerciseMeaningMatcherTests
{
    private static readonly JsonExerciseCatalog Catalog = JsonExerciseCatalog.LoadEmbedded();
    private static readonly ExerciseNameCalibration Calibration = new(MinSimilarity: 0.7, MinMargin: 0.02, MinWordSimilarity: 0.55);

    private readonly IExerciseNameVectors _vectors = Substitute.For<IExerciseNameVectors>();
    private readonly ExerciseMeaningMatcher _matcher;

    public ExerciseMeaningMatcherTests()
    {
        _vectors.Calibration.Returns(Calibration);
        _matcher = new ExerciseMeaningMatcher(_vectors, Catalog);
    }

    private async Task<string?> MatchAsync(string name, string? equipment, params (string Id, double Similarity)[] nearest)
    {
        _vectors.NearestAsync(name, Arg.Any<int>(), Arg.Any<CancellationToken>())
            .Returns([.. nearest.Select(n => new ExerciseNameNeighbour(n.Id, n.Similarity))]);
        return (await _matcher.MatchAsync(name, equipment, TestContext.Current.CancellationToken))?.Exercise.Id;
    }

    [Fact]
    public async Task MatchAsync_WhenAMakersNamePrecedesAMachinesWholeName_MatchesTheMachine()
    {
        Assert.Equal("Leg_Press", await MatchAsync("Life Fitness leg press", null, ("Leg_Press", 0.78), ("Smith_Machine_Leg_Press", 0.69)));
    }

    [Fact]
    public async Task MatchAsync_WhenAnUnknownWordPrecedesASingleMovementWord_MatchesNothing()
    {
        Assert.Null(await MatchAsync("Copenhagen plank", null, ("Plank", 0.9)));
        Assert.Null(await MatchAsync("belt squat machine", null, ("Smith_Machine_Squat", 0.9)));
    }

    [Fact]
    public async Task MatchAsync_WhenAnUnknownWordPrecedesAFreeWeightExercise_MatchesNothing()
    {
        Assert.Null(await MatchAsync("Life Fitness shoulder press", null, ("Dumbbell_Shoulder_Press", 0.9)));
    }

    [Fact]
    public async Task MatchAsync_WhenTheNameGivesOtherEquipment_MatchesNothing()
    {
        Assert.Null(await MatchAsync("Atlantis leg press", "dumbbell", ("Leg_Press", 0.9)));
        Assert.Null(await MatchAsync("Atlantis dumbbell leg press", null, ("Leg_Press", 0.9)));
    }

    [Fact]
    public async Task MatchAsync_WhenTheCandidateDropsAWordTheCatalogKnows_MatchesNothing()
    {
        Assert.Null(await MatchAsync("sled sprint", null, ("Sled_Push", 0.9)));
        Assert.Null(await MatchAsync("inner thigh machine", null, ("Thigh_Abductor", 0.9)));
    }

    [Fact]
    public async Task MatchAsync_WhenAnUnknownWordStandsInForTheCandidatesWord_AsksTheModelWordAgainstWord()
    {
        _vectors.SimilarityAsync("cycle", "bike", Arg.Any<CancellationToken>()).Returns(0.56);
        _vectors.SimilarityAsync("outer", "abductor", Arg.Any<CancellationToken>()).Returns(0.27);

        Assert.Equal("Recumbent_Bike", await MatchAsync("recumbent cycle", null, ("Recumbent_Bike", 0.72)));
        Assert.Null(await MatchAsync("outer thigh machine", null, ("Thigh_Abductor", 0.9)));
    }

    [Fact]
    public async Task MatchAsync_WhenAnotherPlausibleNameIsWithinTheMargin_MatchesNothing()
    {
        Assert.Null(await MatchAsync("Life Fitness leg curl", null, ("Standing_Leg_Curl", 0.77), ("Seated_Leg_Curl", 0.76)));
        Assert.Equal("Standing_Leg_Curl", await MatchAsync("Life Fitness leg curl", null, ("Standing_Leg_Curl", 0.77), ("Ball_Leg_Curl", 0.76), ("Seated_Leg_Curl", 0.74)));
    }

    [Fact]
    public async Task MatchAsync_BelowTheModelsSimilarity_MatchesNothing_WithoutWeighingWords()
    {
        Assert.Null(await MatchAsync("recumbent cycle", null, ("Recumbent_Bike", 0.69)));
        await _vectors.DidNotReceiveWithAnyArgs().SimilarityAsync(default!, default!, default);
    }

    [Fact]
    public async Task MatchAsync_WithoutACalibratedModel_NeverAsksForNeighbours()
    {
        _vectors.Calibration.Returns((ExerciseNameCalibration?)null);

        Assert.Null(await MatchAsync("Atlantis leg press", null, ("Leg_Press", 0.9)));
        await _vectors.DidNotReceiveWithAnyArgs().NearestAsync(default!, default, default);
    }

    [Fact]
    public async Task MatchAsync_WhenTheNameHasNoWordTheCatalogKnows_NeverAsksForNeighbours()
    {
        Assert.Null(await MatchAsync("airdyne", null, ("Air_Bike", 0.9)));
        await _vectors.DidNotReceiveWithAnyArgs().NearestAsync(default!, default, default);
    }
}
