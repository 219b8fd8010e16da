using FitCoach.Domain.Exercises;
using FluentValidation;

namespace FitCoach.Application.Features.Exercises.CreateOrMatch;

public sealed class CreateOrMatchExerciseCommandValidator : AbstractValidator<CreateOrMatchExerciseCommand>
{
    public CreateOrMatchExerciseCommandValidator()
    {
        RuleFor(x => x.Name)
            .NotEmpty().WithMessage("Name is required.")
            .MaximumLength(100)
            .Must(n => n is null || n.Any(char.IsLetter)).WithMessage("Name must contain at least one letter.");
        RuleFor(x => x.Equipment)
            .Must(e => EquipmentVocabulary.Normalize(e) is not null)
            .When(x => !string.IsNullOrWhiteSpace(x.Equipment))
            .WithMessage($"Equipment must be one of: {string.Join(", ", EquipmentVocabulary.All)}.");
        RuleFor(x => x.PrimaryMuscles)
            .Must(m => m is null || m.Count <= 6).WithMessage("At most 6 primary muscles.");
        RuleForEach(x => x.PrimaryMuscles)
            .Must(m => MuscleVocabulary.Normalize(m) is not null)
            .WithMessage($"Each primary muscle must be one of: {string.Join(", ", MuscleVocabulary.All)}.");
    }
}
