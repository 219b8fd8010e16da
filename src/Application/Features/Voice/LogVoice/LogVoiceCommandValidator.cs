using FluentValidation;

namespace FitCoach.Application.Features.Voice.LogVoice;

public sealed class LogVoiceCommandValidator : AbstractValidator<LogVoiceCommand>
{
    public LogVoiceCommandValidator() => VoiceRules.Apply(this, c => c.Transcript, c => c.DefaultUnit);
}
