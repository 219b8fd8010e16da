using FitCoach.Domain.Exercises;
using FitCoach.Domain.Profiles;
using FluentValidation;

namespace FitCoach.Application.Features.Exercises.RiskAwareSubstitutes;

public sealed class RiskAwareSubstitutesQueryValidator : AbstractValidator<RiskAwareSubstitutesQuery>
{
    public RiskAwareSubstitutesQueryValidator()
    {
        RuleFor(x => x.ExerciseId).NotEmpty().WithMessage("exerciseId is required: a catalog id such as Barbell_Squat, or the id of one of your exercises.")
            .MaximumLength(200);
        RuleFor(x => x.Injuries).NotEmpty().WithMessage("injuries is required: at least one body region, e.g. [\"knee\"].");
        RuleFor(x => x.Injuries.Count).LessThanOrEqualTo(ProfileVocabulary.BodyRegions.Count).OverridePropertyName("injuries");
        RuleForEach(x => x.Injuries)
            .Must(r => r is not null && ProfileVocabulary.BodyRegions.Contains(r))
            .WithMessage($"Each injury must be a body region: {string.Join(", ", ProfileVocabulary.BodyRegions)}.");
        RuleForEach(x => x.Equipment)
            .Must(e => e is not null && EquipmentVocabulary.Normalize(e) is not null)
            .WithMessage($"Each equipment must be one of: {string.Join(", ", EquipmentVocabulary.All)}.");
        RuleFor(x => x.Equipment!.Count).LessThanOrEqualTo(EquipmentVocabulary.All.Count * 2).OverridePropertyName("equipment").When(x => x.Equipment is not null);
        RuleFor(x => x.Limit).InclusiveBetween(1, SubstitutionEngine.MaxLimit);
    }
}
