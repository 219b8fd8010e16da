using FitCoach.Application.Features.Exercises.Matching;
using Xunit;

namespace FitCoach.Application.UnitTests.Exercises.Matching;

public sealed class NormalizeKeyTests
{
    [Theory]
    [InlineData("DB  Bench-Press!", "dumbbell bench press")]
    [InlineData("Pull-Ups", "pullups")]
    [InlineData("pull ups", "PULLUP")]
    [InlineData("Skull Crushers", "skullcrushers")]
    [InlineData("farmer's walk", "Farmers Walk")]
    [InlineData("RDLs", "romanian deadlift")]
    [InlineData("bb bench", "barbell bench press")]
    [InlineData("benchpress", "bench press")]
    [InlineData("r d l", "RDL")]
    [InlineData("I did some squats", "squat")]
    public void NormalizeKey_WhenQueriesMeanTheSame_GivesTheSameKey(string first, string second) =>
        Assert.Equal(ExerciseMatcher.NormalizeKey(second), ExerciseMatcher.NormalizeKey(first));

    [Theory]
    [InlineData("bench press", "squat")]
    [InlineData("dumbbell bench press", "barbell bench press")]
    [InlineData("incline bench press", "decline bench press")]
    public void NormalizeKey_WhenQueriesDiffer_GivesDifferentKeys(string first, string second) =>
        Assert.NotEqual(ExerciseMatcher.NormalizeKey(second), ExerciseMatcher.NormalizeKey(first));

    [Fact]
    public void NormalizeKey_WhenEquipmentHintGiven_EqualsNamingTheEquipment() =>
        Assert.Equal(ExerciseMatcher.NormalizeKey("dumbbell bench press"), ExerciseMatcher.NormalizeKey("bench press", "dumbbell"));

    [Fact]
    public void NormalizeKey_WhenQueryAlreadyNamesEquipment_IgnoresTheHint() =>
        Assert.Equal(ExerciseMatcher.NormalizeKey("barbell curl"), ExerciseMatcher.NormalizeKey("barbell curl", "cable"));

    [Theory]
    [InlineData("DB  Bench-Press!")]
    [InlineData("venture press")]
    [InlineData("lat pulldowns wide grip")]
    [InlineData("deadlfit")]
    public void Match_WhenKeysAreEqual_GivesEqualResults(string query)
    {
        var key = ExerciseMatcher.NormalizeKey(query);

        var byQuery = CatalogMatcher.Instance.Match(query);
        var byKey = CatalogMatcher.Instance.Match(key);

        Assert.Equal(byKey.Select(m => (m.Exercise.Id, m.Score)), byQuery.Select(m => (m.Exercise.Id, m.Score)));
    }
}
