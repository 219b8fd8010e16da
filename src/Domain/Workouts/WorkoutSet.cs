namespace FitCoach.Domain.Workouts;

/// <summary>One performed set, as the contract's <c>Set</c> shape. Weight is the load as spoken.</summary>
public sealed record WorkoutSet
{
    public int? Reps { get; init; }
    public double? Weight { get; init; }
    public string? Unit { get; init; }
    public double? Rpe { get; init; }
    public double? Rir { get; init; }
    public int? DurationSeconds { get; init; }
    public double? DistanceKm { get; init; }
    public string? Type { get; init; }
    public bool? PerSide { get; init; }
}

/// <summary>An exercise logged into a session, with the sets performed in one utterance or import.</summary>
public sealed record LoggedExercise(
    string ExerciseId,
    string ExerciseName,
    double MatchScore,
    IReadOnlyList<WorkoutSet> Sets,
    DateTimeOffset LoggedAt);
