using FluentValidation;

namespace FitCoach.Application.Features.Workouts.ListWorkouts;

public sealed class ListWorkoutsQueryValidator : AbstractValidator<ListWorkoutsQuery>
{
    public ListWorkoutsQueryValidator()
    {
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage("'to' must not be before 'from'.");
        RuleFor(q => q)
            .Must(q => q.From is null || q.To is null || q.To.Value - q.From.Value <= TimeSpan.FromDays(3 * 366))
            .WithName("from")
            .WithMessage("A range spans at most three years.");
    }
}
