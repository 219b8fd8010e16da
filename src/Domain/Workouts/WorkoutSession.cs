namespace FitCoach.Domain.Workouts;

public enum SessionStatus
{
    Active,
    Finished,
    Discarded,
}

/// <summary>A live workout a user logs into from any device until it is finished or discarded.</summary>
public sealed record WorkoutSession(
    string Id,
    string UserId,
    string? Name,
    DateTimeOffset StartedAt,
    SessionStatus Status,
    IReadOnlyList<LoggedExercise> Exercises)
{
    public DateTimeOffset? EndedAt { get; init; }
}
