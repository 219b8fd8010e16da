using FluentValidation;

namespace FitCoach.Application.Features.Exercises.ExplainSubstitute;

public sealed class ExplainSubstituteQueryValidator : AbstractValidator<ExplainSubstituteQuery>
{
    public ExplainSubstituteQueryValidator()
    {
        RuleFor(x => x.ExerciseId).NotEmpty().WithMessage("exerciseId is required: a catalog id such as Barbell_Squat.").MaximumLength(200);
        RuleFor(x => x.SubstituteId).NotEmpty().WithMessage("substituteId is required: a catalog id such as Goblet_Squat.").MaximumLength(200);
    }
}
