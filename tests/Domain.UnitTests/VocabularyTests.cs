using FitCoach.Domain.Exercises;
using Xunit;

namespace FitCoach.Domain.UnitTests;

public sealed class VocabularyTests
{
    [Theory]
    [InlineData("body only", "bodyweight")]
    [InlineData("kettlebells", "kettlebell")]
    [InlineData("e-z curl bar", "ez_bar")]
    [InlineData("DB", "dumbbell")]
    [InlineData("  Smith Machine ", "machine")]
    [InlineData("foam roll", "other")]
    [InlineData("medicine ball", "medicine_ball")]
    public void Equipment_Normalize_MapsCatalogAndGymWordsToTheContractVocabulary(string word, string expected) =>
        Assert.Equal(expected, EquipmentVocabulary.Normalize(word));

    [Theory]
    [InlineData("spaceship")]
    [InlineData("")]
    [InlineData(null)]
    public void Equipment_Normalize_WhenUnknown_IsNull(string? word) => Assert.Null(EquipmentVocabulary.Normalize(word));

    [Fact]
    public void Equipment_EveryVocabularyWordNormalizesToItself() =>
        Assert.All(EquipmentVocabulary.All, word => Assert.Equal(word, EquipmentVocabulary.Normalize(word)));

    [Theory]
    [InlineData("quads", "quadriceps")]
    [InlineData("Pecs", "chest")]
    [InlineData("delts", "shoulders")]
    [InlineData("lower back", "lower back")]
    [InlineData("upper_back", "middle back")]
    public void Muscle_Normalize_MapsGymWordsToCatalogMuscles(string word, string expected) =>
        Assert.Equal(expected, MuscleVocabulary.Normalize(word));

    [Fact]
    public void Muscle_Normalize_WhenUnknown_IsNull() => Assert.Null(MuscleVocabulary.Normalize("wings"));
}
