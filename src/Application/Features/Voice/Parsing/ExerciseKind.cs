using FitCoach.Domain.Exercises;

namespace FitCoach.Application.Features.Voice.Parsing;

/// <summary>
/// How an exercise is measured, which decides ambiguous numbers: "30s" is a hold for a plank but a pair of 20 lb
/// dumbbells for lateral raises, and "5k" is a distance for a run but 5 kg for anything lifted.
/// </summary>
internal enum ExerciseKind
{
    Strength,
    Timed,
    Cardio,
}

internal static class ExerciseKinds
{
    public static ExerciseKind Of(Exercise exercise) =>
        exercise.Category == "cardio" ? ExerciseKind.Cardio
        : exercise.Force == "static" || exercise.Category == "stretching" ? ExerciseKind.Timed
        : ExerciseKind.Strength;
}
