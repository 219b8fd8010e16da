using FitCoach.Application.Features.Workouts;
using FitCoach.Domain.Workouts;

namespace FitCoach.Application.Features.Sessions;

/// <summary>An exercise logged into a session, the contract's parse entry plus when it was logged.</summary>
public sealed record LoggedExerciseDto(string ExerciseId, string ExerciseName, double MatchScore, IReadOnlyList<SetDto> Sets, DateTimeOffset LoggedAt)
{
    public static LoggedExerciseDto From(LoggedExercise e) =>
        new(e.ExerciseId, e.ExerciseName, e.MatchScore, [.. e.Sets.Select(SetDto.From)], e.LoggedAt);
}

public sealed record SessionDto(
    string Id,
    string? Name,
    DateTimeOffset StartedAt,
    SessionStatus Status,
    IReadOnlyList<LoggedExerciseDto> Exercises,
    DateTimeOffset? EndedAt)
{
    public static SessionDto From(WorkoutSession session) => new(
        session.Id,
        session.Name,
        session.StartedAt,
        session.Status,
        [.. session.Exercises.Select(LoggedExerciseDto.From)],
        session.EndedAt);
}
