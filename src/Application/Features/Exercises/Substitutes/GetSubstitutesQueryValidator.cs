using FitCoach.Domain.Exercises;
using FluentValidation;

namespace FitCoach.Application.Features.Exercises.Substitutes;

public sealed class GetSubstitutesQueryValidator : AbstractValidator<GetSubstitutesQuery>
{
    public GetSubstitutesQueryValidator()
    {
        RuleFor(x => x.ExerciseId).NotEmpty().WithMessage("exerciseId is required: a catalog id such as Barbell_Squat, or the id of one of your exercises.")
            .MaximumLength(200);
        RuleFor(x => x.Limit).InclusiveBetween(1, GetSubstitutesQuery.MaxLimit);
        RuleFor(x => x.Equipment)
            .MaximumLength(300)
            .Must(e => !EquipmentList.Unknown(e).Any())
            .When(x => !string.IsNullOrWhiteSpace(x.Equipment))
            .WithMessage(x => $"Unknown equipment '{string.Join("', '", EquipmentList.Unknown(x.Equipment))}': use a comma-separated list of {string.Join(", ", EquipmentVocabulary.All)}.");
    }
}
