using FitCoach.Application.Features.Workouts;
using FitCoach.Domain.Workouts;
using Mapster;

namespace FitCoach.Application.Features.Sessions;

/// <summary>An exercise logged into a session, the contract's parse entry plus when it was logged.</summary>
public sealed record LoggedExerciseDto(string ExerciseId, string ExerciseName, double MatchScore, IReadOnlyList<SetDto> Sets, DateTimeOffset LoggedAt);

public sealed record SessionDto(
    string Id,
    string? Name,
    DateTimeOffset StartedAt,
    SessionStatus Status,
    IReadOnlyList<LoggedExerciseDto> Exercises,
    DateTimeOffset? EndedAt);

public sealed class SessionMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.NewConfig<LoggedExercise, LoggedExerciseDto>().MapToConstructor(true);
        config.NewConfig<WorkoutSession, SessionDto>().MapToConstructor(true);
    }
}
