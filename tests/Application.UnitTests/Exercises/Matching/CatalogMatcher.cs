using FitCoach.Application.Features.Exercises.Matching;
using FitCoach.Infrastructure.Catalog;

namespace FitCoach.Application.UnitTests.Exercises.Matching;

/// <summary>One matcher over the shipped catalog for all tests; building it per test would only slow them down.</summary>
internal static class CatalogMatcher
{
    public static ExerciseMatcher Instance { get; } = new(JsonExerciseCatalog.LoadEmbedded().All);

    public static string? BestId(string query, string? equipment = null) =>
        Instance.BestMatch(query, equipment)?.Exercise.Id;
}
