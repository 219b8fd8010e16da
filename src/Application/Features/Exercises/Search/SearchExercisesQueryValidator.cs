using FitCoach.Domain.Exercises;
using FluentValidation;

namespace FitCoach.Application.Features.Exercises.Search;

public sealed class SearchExercisesQueryValidator : AbstractValidator<SearchExercisesQuery>
{
    public SearchExercisesQueryValidator()
    {
        RuleFor(x => x.Q).MaximumLength(100);
        RuleFor(x => x.Limit).InclusiveBetween(1, SearchExercisesQuery.MaxLimit);
        RuleFor(x => x.Equipment)
            .Must(e => EquipmentVocabulary.Normalize(e) is not null)
            .When(x => !string.IsNullOrWhiteSpace(x.Equipment))
            .WithMessage($"Equipment must be one of: {string.Join(", ", EquipmentVocabulary.All)}.");
        RuleFor(x => x.Muscle)
            .Must(m => MuscleVocabulary.Normalize(m) is not null)
            .When(x => !string.IsNullOrWhiteSpace(x.Muscle))
            .WithMessage($"Muscle must be one of: {string.Join(", ", MuscleVocabulary.All)}.");
    }
}
