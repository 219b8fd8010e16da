using FitCoach.Domain.Exercises;
using FluentValidation;

namespace FitCoach.Application.Features.Chat.SwapExerciseEnhanced;

public sealed class SwapExerciseEnhancedQueryValidator : AbstractValidator<SwapExerciseEnhancedQuery>
{
    public SwapExerciseEnhancedQueryValidator()
    {
        RuleFor(x => x.Message).NotEmpty().WithMessage("message is required, e.g. \"no rack at home, swap my squats, I only have dumbbells\".")
            .MaximumLength(1000);
        RuleFor(x => x.Limit).InclusiveBetween(1, SubstitutionEngine.MaxLimit);
    }
}
