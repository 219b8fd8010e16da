using FitCoach.Domain.Training;
using FitCoach.Domain.Workouts;
using Mapster;

namespace FitCoach.Application.Features.Workouts;

/// <summary>The contract's <c>Set</c>, plus the e1RM it supports (kg; null when the set says little about a max).</summary>
public sealed record SetDto(
    int? Reps,
    double? Weight,
    string? Unit,
    double? Rpe,
    double? Rir,
    int? DurationSeconds,
    double? DistanceKm,
    string? Type,
    bool? PerSide,
    double? E1rmKg);

public sealed record WorkoutExerciseDto(string ExerciseId, string ExerciseName, IReadOnlyList<SetDto> Sets);

public sealed record WorkoutDto(
    string Id,
    DateTimeOffset PerformedAt,
    int? DurationMinutes,
    double? SessionRpe,
    string? Name,
    string? Notes,
    string Source,
    IReadOnlyList<WorkoutExerciseDto> Exercises,
    double TotalVolumeKg,
    int TotalSets,
    IReadOnlyList<PersonalRecord> PersonalRecords,
    bool Ranked);

public sealed class WorkoutMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.NewConfig<WorkoutSet, SetDto>()
            .MapToConstructor(true)
            .Map(dto => dto.E1rmKg, set => E1rmKg(set));
        config.NewConfig<SetDto, WorkoutSet>();
        config.NewConfig<WorkoutExercise, WorkoutExerciseDto>().MapToConstructor(true);
        config.NewConfig<Workout, WorkoutDto>()
            .MapToConstructor(true)
            .Map(dto => dto.TotalVolumeKg, workout => Math.Round(WorkoutMath.VolumeKg(workout.Exercises), 1))
            .Map(dto => dto.TotalSets, workout => workout.Exercises.Sum(e => e.Sets.Count));
    }

    private static double? E1rmKg(WorkoutSet set) =>
        set.Type is not "warmup" && set.Weight is { } weight && set.Reps is { } reps &&
        OneRepMax.Estimate(WorkoutMath.ToKg(weight, set.Unit), reps, set.Rpe, set.Rir) is { } estimate
            ? Math.Round(estimate.Value, 1)
            : null;
}
