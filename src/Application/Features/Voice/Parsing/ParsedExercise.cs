using FitCoach.Domain.Workouts;

namespace FitCoach.Application.Features.Voice.Parsing;

/// <summary>One exercise read from a transcript: the catalog exercise it resolved to and the sets said for it.</summary>
public sealed record ParsedExercise(string ExerciseId, string ExerciseName, double MatchScore, IReadOnlyList<WorkoutSet> Sets);
