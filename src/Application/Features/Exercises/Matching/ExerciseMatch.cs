using FitCoach.Domain.Exercises;

namespace FitCoach.Application.Features.Exercises.Matching;

/// <summary>An exercise and how well it matches a query, in [0, 1]; 1 means the query names it exactly.</summary>
public sealed record ExerciseMatch(Exercise Exercise, double Score);
