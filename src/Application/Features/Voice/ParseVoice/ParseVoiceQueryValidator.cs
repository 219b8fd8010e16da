using FluentValidation;

namespace FitCoach.Application.Features.Voice.ParseVoice;

public sealed class ParseVoiceQueryValidator : AbstractValidator<ParseVoiceQuery>
{
    public ParseVoiceQueryValidator() => VoiceRules.Apply(this, q => q.Transcript, q => q.DefaultUnit);
}
