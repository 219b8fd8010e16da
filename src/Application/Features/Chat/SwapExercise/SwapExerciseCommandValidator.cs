using FitCoach.Domain.Exercises;
using FluentValidation;

namespace FitCoach.Application.Features.Chat.SwapExercise;

public sealed class SwapExerciseCommandValidator : AbstractValidator<SwapExerciseCommand>
{
    public SwapExerciseCommandValidator()
    {
        RuleFor(x => x.Exercise).NotEmpty().WithMessage("exercise is required: a catalog id, one of your exercise ids, or a name such as \"RDL\".")
            .MaximumLength(100);
        RuleFor(x => x.Reason).MaximumLength(500);
        RuleForEach(x => x.Equipment)
            .Must(e => e is not null && EquipmentVocabulary.Normalize(e) is not null)
            .WithMessage($"Each equipment must be one of: {string.Join(", ", EquipmentVocabulary.All)}.");
        RuleFor(x => x.Equipment!.Count).LessThanOrEqualTo(EquipmentVocabulary.All.Count * 2).OverridePropertyName("equipment").When(x => x.Equipment is not null);
        RuleFor(x => x.Limit).InclusiveBetween(1, SubstitutionEngine.MaxLimit);
    }
}
