using FluentValidation;

namespace FitCoach.Application.Features.Sessions.StartSession;

public sealed class StartSessionCommandValidator : AbstractValidator<StartSessionCommand>
{
    public StartSessionCommandValidator() => RuleFor(c => c.Name).MaximumLength(100);
}
