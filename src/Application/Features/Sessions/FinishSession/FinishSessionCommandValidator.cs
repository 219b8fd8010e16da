using FluentValidation;

namespace FitCoach.Application.Features.Sessions.FinishSession;

public sealed class FinishSessionCommandValidator : AbstractValidator<FinishSessionCommand>
{
    public FinishSessionCommandValidator()
    {
        RuleFor(c => c.SessionRpe).InclusiveBetween(1, 10).When(c => c.SessionRpe is not null);
        RuleFor(c => c.Notes).MaximumLength(2000);
    }
}
