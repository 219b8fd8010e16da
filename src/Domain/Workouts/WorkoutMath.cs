using FitCoach.Domain.Training;

namespace FitCoach.Domain.Workouts;

/// <summary>Volume, best sets and personal records, all compared in kilograms whatever unit was spoken.</summary>
public static class WorkoutMath
{
    public const double KgPerLb = 0.45359237;

    public static double ToKg(double weight, string? unit) =>
        string.Equals(unit, "lb", StringComparison.OrdinalIgnoreCase) ? weight * KgPerLb : weight;

    /// <summary>
    /// Load × reps in kg. A per-side set ("12 each leg") counts both sides; weighted bodyweight work counts only
    /// the added load, because that is what was spoken and the body mass is not known here.
    /// </summary>
    public static double VolumeKg(WorkoutSet set)
    {
        if (set.Weight is not { } weight || set.Reps is not { } reps || weight <= 0 || reps <= 0)
        {
            return 0;
        }

        return ToKg(weight, set.Unit) * reps * (set.PerSide == true ? 2 : 1);
    }

    public static double VolumeKg(IEnumerable<WorkoutExercise> exercises) =>
        exercises.SelectMany(e => e.Sets).Sum(VolumeKg);

    /// <summary>The set of an exercise with the highest estimated 1RM (kg), if any set supports an estimate.</summary>
    public static (WorkoutSet Set, double E1rmKg)? BestSet(WorkoutExercise exercise)
    {
        (WorkoutSet Set, double E1rmKg)? best = null;
        foreach (var set in exercise.Sets)
        {
            if (set.Type is "warmup" || set.Weight is not { } weight || set.Reps is not { } reps)
            {
                continue;
            }

            var estimate = OneRepMax.Estimate(ToKg(weight, set.Unit), reps, set.Rpe, set.Rir);
            if (estimate is { } e && (best is null || e.Value > best.Value.E1rmKg))
            {
                best = (set, e.Value);
            }
        }

        return best;
    }

    /// <summary>
    /// Personal records of a workout against the best e1RM per exercise before it (kg). The first estimable set of
    /// an exercise is a record too (previous best null): it is the first benchmark the user has.
    /// </summary>
    public static IReadOnlyList<PersonalRecord> PersonalRecords(
        IEnumerable<WorkoutExercise> exercises, IReadOnlyDictionary<string, double> previousBestKg)
    {
        var records = new Dictionary<string, PersonalRecord>(StringComparer.Ordinal);
        foreach (var exercise in exercises)
        {
            if (BestSet(exercise) is not { } best)
            {
                continue;
            }

            var previous = previousBestKg.TryGetValue(exercise.ExerciseId, out var p) ? p : (double?)null;
            var already = records.TryGetValue(exercise.ExerciseId, out var r) ? r.E1rmKg : 0;
            if ((previous is null || best.E1rmKg > previous + 0.05) && best.E1rmKg > already)
            {
                records[exercise.ExerciseId] = new PersonalRecord(
                    exercise.ExerciseId,
                    exercise.ExerciseName,
                    Math.Round(best.E1rmKg, 1),
                    previous is null ? null : Math.Round(previous.Value, 1),
                    best.Set.Weight!.Value,
                    best.Set.Unit ?? "kg",
                    best.Set.Reps!.Value);
            }
        }

        return [.. records.Values];
    }

    /// <summary>Best e1RM (kg) per exercise over a history.</summary>
    public static Dictionary<string, double> BestE1rmByExercise(IEnumerable<Workout> history)
    {
        var best = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var exercise in history.SelectMany(w => w.Exercises))
        {
            if (BestSet(exercise) is { } set && (!best.TryGetValue(exercise.ExerciseId, out var current) || set.E1rmKg > current))
            {
                best[exercise.ExerciseId] = set.E1rmKg;
            }
        }

        return best;
    }

    /// <summary>Consecutive UTC days with a workout, ending today or yesterday (a streak survives until a day is missed).</summary>
    public static int StreakDays(IEnumerable<DateTimeOffset> workoutTimes, DateTimeOffset now)
    {
        var days = workoutTimes.Select(t => DateOnly.FromDateTime(t.UtcDateTime)).ToHashSet();
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        if (!days.Contains(day))
        {
            day = day.AddDays(-1);
        }

        var streak = 0;
        while (days.Contains(day))
        {
            streak++;
            day = day.AddDays(-1);
        }

        return streak;
    }
}
