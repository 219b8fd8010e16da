namespace FitCoach.Domain.Workouts;

/// <summary>An exercise of a finished workout with all its sets.</summary>
public sealed record WorkoutExercise(string ExerciseId, string ExerciseName, IReadOnlyList<WorkoutSet> Sets);

/// <summary>A set that beat the user's previous best estimated 1RM on that exercise.</summary>
public sealed record PersonalRecord(
    string ExerciseId,
    string ExerciseName,
    double E1rmKg,
    double? PreviousBestKg,
    double Weight,
    string Unit,
    int Reps);

/// <summary>A workout in history: a finished session or an imported one.</summary>
public sealed record Workout(
    string Id,
    string UserId,
    DateTimeOffset PerformedAt,
    int? DurationMinutes,
    double? SessionRpe,
    IReadOnlyList<WorkoutExercise> Exercises)
{
    public string? Name { get; init; }

    public string? Notes { get; init; }

    /// <summary><c>session</c> when finished from a live session, <c>import</c> when posted whole.</summary>
    public string Source { get; init; } = "import";

    public IReadOnlyList<PersonalRecord> PersonalRecords { get; init; } = [];

    /// <summary>
    /// Whether it counts on the public leaderboards: set when it is recorded (a finished session or a workout logged
    /// as it happens does; a backdated or imported one counts only in the user's own history and analytics).
    /// </summary>
    public bool Ranked { get; init; }
}
