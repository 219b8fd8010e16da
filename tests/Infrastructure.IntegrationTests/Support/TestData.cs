using FitCoach.Domain.Exercises;
using FitCoach.Domain.Workouts;

namespace FitCoach.Infrastructure.IntegrationTests.Support;

public static class TestData
{
    public static readonly DateTimeOffset Morning = new(2026, 1, 5, 7, 30, 0, TimeSpan.FromHours(1));

    /// <summary>Ids unique per call, so tests sharing a store or server never see each other's data.</summary>
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>An entry using every field of the shapes, so a lossy round trip shows.</summary>
    public static LoggedExercise Entry(string exerciseId = "barbell-squat", int reps = 5) => new(
        exerciseId,
        "Barbell Squat",
        0.93,
        [
            new WorkoutSet
            {
                Reps = reps,
                Weight = 102.5,
                Unit = "kg",
                Rpe = 8.5,
                Rir = 1.5,
                DurationSeconds = 45,
                DistanceKm = 0.25,
                Type = "working",
                PerSide = false,
            },
            new WorkoutSet { Reps = reps + 1, Weight = 100 },
        ],
        Morning.AddMinutes(reps));

    public static Exercise Exercise(string id, string name = "Sled Push", string? ownerId = null) => new(
        id,
        name,
        EquipmentVocabulary.Other,
        ["quadriceps", "glutes"],
        ["calves"],
        "strength",
        "intermediate",
        "push",
        "compound")
    {
        OwnerId = ownerId,
    };
}
