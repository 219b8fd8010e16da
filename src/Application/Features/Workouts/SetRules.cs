using FitCoach.Domain.Workouts;
using FluentValidation;

namespace FitCoach.Application.Features.Workouts;

/// <summary>
/// What a stored set may hold. Absurd numbers (a 5,000 kg squat, 1,000 reps) are refused with a 400 rather than
/// stored, because one bad set poisons PRs, volume and leaderboards.
/// </summary>
public sealed class WorkoutSetValidator : AbstractValidator<WorkoutSet>
{
    public const double MaxWeightKg = 600;
    public static readonly IReadOnlyList<string> Types = ["normal", "warmup", "dropset", "failure", "amrap"];

    public WorkoutSetValidator()
    {
        RuleFor(s => s.Reps).InclusiveBetween(1, 100).When(s => s.Reps is not null);
        RuleFor(s => s.Weight)
            .Must((set, weight) => weight is null || (weight >= 0 && WorkoutMath.ToKg(weight.Value, set.Unit) <= MaxWeightKg))
            .WithMessage($"Weight must be between 0 and {MaxWeightKg} kg (or the same in lb).");
        RuleFor(s => s.Unit).Must(u => u is null or "kg" or "lb").WithMessage("Unit must be kg or lb.");
        RuleFor(s => s.Unit).NotNull().When(s => s.Weight is > 0).WithMessage("A set with a weight needs its unit (kg or lb).");
        RuleFor(s => s.Rpe).InclusiveBetween(1, 10).When(s => s.Rpe is not null);
        RuleFor(s => s.Rir).InclusiveBetween(0, 10).When(s => s.Rir is not null);
        RuleFor(s => s.DurationSeconds).InclusiveBetween(1, 6 * 3600).When(s => s.DurationSeconds is not null);
        RuleFor(s => s.DistanceKm).InclusiveBetween(0.001, 300).When(s => s.DistanceKm is not null);
        RuleFor(s => s.Type).Must(t => t is null || Types.Contains(t)).WithMessage($"Type must be one of: {string.Join(", ", Types)}.");
        RuleFor(s => s)
            .Must(s => s.Reps is not null || s.DurationSeconds is not null || s.DistanceKm is not null)
            .WithName("set")
            .WithMessage("A set needs reps, a duration or a distance.");
    }
}
