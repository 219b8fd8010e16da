namespace FitCoach.Domain.Workouts;

/// <summary>A user's totals in one period (see <see cref="TrainingPeriods"/>).</summary>
public sealed record PeriodTotals(double VolumeKg, int Workouts);

/// <summary>The user's run of consecutive training days (UTC), ending on <see cref="LastDay"/>.</summary>
public sealed record StreakState(int LastDay, int Days)
{
    /// <summary>
    /// The streak after training on <paramref name="day"/>: the same day changes nothing, the next day extends it, a
    /// later day after a gap starts a new one, and an earlier day (a late upload) leaves it alone. Applying a day twice
    /// gives the same state, so a retried write cannot inflate a streak.
    /// </summary>
    public static StreakState After(StreakState? current, int day) => current switch
    {
        null => new StreakState(day, 1),
        _ when day == current.LastDay + 1 => new StreakState(day, current.Days + 1),
        _ when day > current.LastDay + 1 => new StreakState(day, 1),
        _ => current,
    };
}

/// <summary>
/// What a write needs to know about a user's history, maintained as each workout is stored instead of read by
/// listing history: the best e1RM per exercise (personal records), the totals per period of the workouts that count
/// on the public boards, the streak of those workouts' days, and the weekly totals of every workout. The Redis
/// store keeps the same fields in one hash, updated by the same script that stores the workout.
/// </summary>
public sealed class UserTrainingSummary
{
    public Dictionary<string, double> BestE1rmKg { get; } = new(StringComparer.Ordinal);

    /// <summary>Per period key: the totals of the workouts that count on the public boards (<see cref="Workout.Ranked"/>).</summary>
    public Dictionary<string, PeriodTotals> RankedTotals { get; } = new(StringComparer.Ordinal);

    /// <summary>Per ISO week (<c>2026-W49</c>): the totals of every workout, ranked or not.</summary>
    public Dictionary<string, PeriodTotals> WeeklyTotals { get; } = new(StringComparer.Ordinal);

    /// <summary>The streak of ranked workouts' days.</summary>
    public StreakState? Streak { get; set; }

    /// <summary>Folds one newly stored workout in. Call it once per stored workout (the stores add a workout once).</summary>
    public void Apply(Workout workout)
    {
        ArgumentNullException.ThrowIfNull(workout);
        var facts = WorkoutFacts.Of(workout);
        if (!facts.HasSets)
        {
            return;
        }

        foreach (var (exerciseId, e1rm) in facts.BestE1rmKg)
        {
            if (!BestE1rmKg.TryGetValue(exerciseId, out var best) || e1rm > best)
            {
                BestE1rmKg[exerciseId] = e1rm;
            }
        }

        Add(WeeklyTotals, TrainingPeriods.WeekOf(workout.PerformedAt), facts);
        if (!facts.Ranked)
        {
            return;
        }

        foreach (var key in TrainingPeriods.KeysOf(workout.PerformedAt))
        {
            Add(RankedTotals, key, facts);
        }

        Streak = StreakState.After(Streak, facts.Day);
    }

    private static void Add(Dictionary<string, PeriodTotals> totals, string key, WorkoutFacts facts)
    {
        var current = totals.GetValueOrDefault(key) ?? new PeriodTotals(0, 0);
        totals[key] = new PeriodTotals(current.VolumeKg + facts.VolumeKg, current.Workouts + 1);
    }
}

/// <summary>What one workout adds to a <see cref="UserTrainingSummary"/>; the Redis store sends these to its script.</summary>
/// <param name="HasSets">False for a session finished without sets: it adds nothing, and keeps no streak alive.</param>
public sealed record WorkoutFacts(bool HasSets, double VolumeKg, int Day, bool Ranked, IReadOnlyDictionary<string, double> BestE1rmKg)
{
    public static WorkoutFacts Of(Workout workout)
    {
        ArgumentNullException.ThrowIfNull(workout);
        var hasSets = workout.Exercises.Any(e => e.Sets.Count > 0);
        return new WorkoutFacts(
            hasSets,
            Math.Round(WorkoutMath.VolumeKg(workout.Exercises), 1),
            TrainingPeriods.DayNumber(workout.PerformedAt),
            workout.Ranked && hasSets,
            WorkoutMath.BestE1rmByExercise([workout]));
    }
}
