using FitCoach.Domain.Training;
using FitCoach.Domain.Workouts;

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
    double? E1rmKg)
{
    public static SetDto From(WorkoutSet set)
    {
        double? e1rm = null;
        if (set.Type is not "warmup" && set.Weight is { } weight && set.Reps is { } reps &&
            OneRepMax.Estimate(WorkoutMath.ToKg(weight, set.Unit), reps, set.Rpe, set.Rir) is { } estimate)
        {
            e1rm = Math.Round(estimate.Value, 1);
        }

        return new SetDto(set.Reps, set.Weight, set.Unit, set.Rpe, set.Rir, set.DurationSeconds, set.DistanceKm, set.Type, set.PerSide, e1rm);
    }
}

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
    IReadOnlyList<PersonalRecord> PersonalRecords)
{
    public static WorkoutDto From(Workout workout) => new(
        workout.Id,
        workout.PerformedAt,
        workout.DurationMinutes,
        workout.SessionRpe,
        workout.Name,
        workout.Notes,
        workout.Source,
        [.. workout.Exercises.Select(e => new WorkoutExerciseDto(e.ExerciseId, e.ExerciseName, [.. e.Sets.Select(SetDto.From)]))],
        Math.Round(WorkoutMath.VolumeKg(workout.Exercises), 1),
        workout.Exercises.Sum(e => e.Sets.Count),
        workout.PersonalRecords);
}
