using FitCoach.Domain.Exercises;

namespace FitCoach.Domain.Workouts;

/// <summary>
/// Loads no human lifts. A set above them is refused rather than stored, because one fake set takes rank 1 on a public
/// board and poisons personal records. The limits sit a little above the all-time records, equipped lifting included
/// (squat about 590 kg, bench press 500, deadlift 501, clean and jerk 267, snatch 225), so every real lift passes;
/// below the big barbell lifts they are per kind of equipment (a dumbbell over 150 kg, a kettlebell over 100, or more
/// than 200 kg added to a bodyweight movement is not a real set). Loads are compared in kilograms, per dumbbell or
/// added load as the contract's <c>Set</c> says.
/// </summary>
public static class PlausibleLoads
{
    /// <summary>What any one workout can add up to: far above an elite session (20–40 t), far below a fake one.</summary>
    public const double MaxWorkoutVolumeKg = 100_000;

    private static readonly (string[] Words, double MaxKg)[] BarbellLifts =
    [
        (["deadlift"], 510),
        (["squat"], 600),
        (["bench press"], 500),
        (["snatch"], 240),
        (["clean", "jerk"], 280),
        (["military press", "shoulder press", "overhead press", "push press"], 260),
        (["curl"], 150),
        (["row"], 350),
    ];

    /// <summary>The heaviest load (kg) a set of <paramref name="exercise"/> can plausibly carry.</summary>
    public static double MaxKg(Exercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        switch (exercise.Equipment)
        {
            case "dumbbell":
                return 150;
            case "kettlebell":
                return 100;
            case "bodyweight":
                return 200;
            case "bands":
            case "medicine_ball":
            case "exercise_ball":
                return 100;
            case "barbell":
            case "ez_bar":
                var name = exercise.Name.ToLowerInvariant();
                foreach (var (words, max) in BarbellLifts)
                {
                    if (words.Any(name.Contains))
                    {
                        return max;
                    }
                }

                return 400;
            default:
                // Machines and cables: the stack or sled; a leg press sled can carry far more than a barbell.
                return 600;
        }
    }

    /// <summary>Why the set's load is implausible for the exercise, or null when it is not.</summary>
    public static string? Problem(Exercise exercise, WorkoutSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (set.Weight is not { } weight)
        {
            return null;
        }

        var max = MaxKg(exercise);
        var kg = WorkoutMath.ToKg(weight, set.Unit);
        return kg > max
            ? $"{weight:0.#} {set.Unit ?? "kg"} is more than anyone has lifted on {exercise.Name} (at most {max:0} kg is accepted)."
            : null;
    }
}
