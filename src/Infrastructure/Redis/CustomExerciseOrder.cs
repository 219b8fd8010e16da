using FitCoach.Domain.Exercises;

namespace FitCoach.Infrastructure.Redis;

/// <summary>
/// The order both custom-exercise stores list in (a Redis hash has none): by name, then by id, so a list is stable
/// across calls and the same from either store.
/// </summary>
internal static class CustomExerciseOrder
{
    public static IReadOnlyList<Exercise> Sort(IEnumerable<Exercise> exercises) =>
    [
        .. exercises
            .OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(e => e.Id, StringComparer.Ordinal),
    ];

    public static void EnsureSavable(string userId, Exercise exercise)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentException.ThrowIfNullOrEmpty(exercise.Id, nameof(exercise));
    }
}
