using FluentValidation;

namespace FitCoach.Application.Features.Coach.AskCoach;

public sealed class AskCoachCommandValidator : AbstractValidator<AskCoachCommand>
{
    public const int MaxQuestionLength = 1000;

    public AskCoachCommandValidator()
    {
        RuleFor(c => c.Question)
            .NotEmpty().WithMessage("question is required.")
            .Must(q => q is null || q.Trim().Length >= 3).WithMessage("question must have at least 3 characters.")
            .MaximumLength(MaxQuestionLength).WithMessage($"question must be at most {MaxQuestionLength} characters.")
            .Must(q => q is null || q.Any(char.IsLetter)).WithMessage("question must contain words.")
            .OverridePropertyName("question");
        RuleFor(c => c.ConversationId)
            .Matches("^[A-Za-z0-9_-]{1,64}$").When(c => c.ConversationId is not null)
            .WithMessage("conversationId must be 1–64 letters, digits, '-' or '_'.")
            .OverridePropertyName("conversationId");
    }
}
