using FitCoach.Domain.Profiles;
using FluentValidation;

namespace FitCoach.Application.Features.Injury.AnalyzeInjury;

public sealed class AnalyzeInjuryQueryValidator : AbstractValidator<AnalyzeInjuryQuery>
{
    public AnalyzeInjuryQueryValidator()
    {
        RuleFor(x => x.Description).NotEmpty().WithMessage("description is required: what hurts, where, since when and what makes it worse.")
            .MaximumLength(2000);
        RuleFor(x => x.BodyRegion)
            .Must(r => r is null || ProfileVocabulary.BodyRegions.Contains(r))
            .WithMessage($"bodyRegion must be one of: {string.Join(", ", ProfileVocabulary.BodyRegions)}.");
        RuleFor(x => x.PainLevel).InclusiveBetween(0, 10).When(x => x.PainLevel is not null);
    }
}
