using FluentValidation;

namespace FitCoach.Application.Features.Voice;

/// <summary>The request rules parse and log share.</summary>
internal static class VoiceRules
{
    public const int MaxTranscriptLength = 2000;

    public static void Apply<T>(AbstractValidator<T> validator, Func<T, string> transcript, Func<T, string?> unit)
    {
        validator.RuleFor(x => transcript(x))
            .NotEmpty().WithName("transcript").WithMessage("transcript is required.")
            .MaximumLength(MaxTranscriptLength).WithName("transcript")
            .WithMessage($"transcript must be at most {MaxTranscriptLength} characters: log one workout chunk at a time.");
        validator.RuleFor(x => unit(x))
            .Must(u => u is null or "kg" or "lb").WithName("defaultUnit").WithMessage("defaultUnit must be kg or lb.");
    }
}
