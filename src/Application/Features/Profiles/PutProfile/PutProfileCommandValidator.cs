using FitCoach.Domain.Exercises;
using FitCoach.Domain.Profiles;
using FluentValidation;

namespace FitCoach.Application.Features.Profiles.PutProfile;

public sealed class PutProfileCommandValidator : AbstractValidator<PutProfileCommand>
{
    public PutProfileCommandValidator()
    {
        RuleFor(c => c.Profile.Age).InclusiveBetween(10, 100).When(c => c.Profile.Age is not null).OverridePropertyName("age");
        RuleFor(c => c.Profile.Sex).Must(s => s is null || ProfileVocabulary.Sexes.Contains(s)).OverridePropertyName("sex")
            .WithMessage($"sex must be one of: {string.Join(", ", ProfileVocabulary.Sexes)}.");
        RuleFor(c => c.Profile.HeightCm).InclusiveBetween(100, 250).When(c => c.Profile.HeightCm is not null).OverridePropertyName("heightCm");
        RuleFor(c => c.Profile.WeightKg).InclusiveBetween(25, 350).When(c => c.Profile.WeightKg is not null).OverridePropertyName("weightKg");
        RuleFor(c => c.Profile.Experience).Must(e => e is null || ProfileVocabulary.Experience.Contains(e)).OverridePropertyName("experience")
            .WithMessage($"experience must be one of: {string.Join(", ", ProfileVocabulary.Experience)}.");
        RuleFor(c => c.Profile.DaysPerWeek).InclusiveBetween(1, 7).When(c => c.Profile.DaysPerWeek is not null).OverridePropertyName("daysPerWeek");
        RuleFor(c => c.Profile.SessionMinutes).InclusiveBetween(10, 300).When(c => c.Profile.SessionMinutes is not null).OverridePropertyName("sessionMinutes");
        RuleFor(c => c.Profile.Unit).Must(u => u is null || ProfileVocabulary.Units.Contains(u)).OverridePropertyName("unit")
            .WithMessage("unit must be kg or lb.");
        RuleFor(c => c.Profile.Goals).Must(g => g is null || g.All(ProfileVocabulary.Goals.Contains)).OverridePropertyName("goals")
            .WithMessage($"goals must be among: {string.Join(", ", ProfileVocabulary.Goals)}.");
        RuleFor(c => c.Profile.Equipment).Must(e => e is null || e.All(EquipmentVocabulary.IsKnown)).OverridePropertyName("equipment")
            .WithMessage($"equipment must be among: {string.Join(", ", EquipmentVocabulary.All)}.");
        RuleFor(c => c.Profile.Injuries).Must(i => i is null || i.All(ProfileVocabulary.BodyRegions.Contains)).OverridePropertyName("injuries")
            .WithMessage($"injuries must be body regions among: {string.Join(", ", ProfileVocabulary.BodyRegions)}.");
        RuleFor(c => c.Profile.DisplayName).Custom((name, context) =>
        {
            if (name is not null && DisplayNames.Problem(name) is { } problem)
            {
                context.AddFailure("displayName", problem);
            }
        });
    }
}
