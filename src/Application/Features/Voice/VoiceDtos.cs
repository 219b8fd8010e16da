using FitCoach.Application.Features.Sessions;
using FitCoach.Application.Features.Voice.Parsing;
using FitCoach.Application.Features.Workouts;
using Mapster;

namespace FitCoach.Application.Features.Voice;

/// <summary>One parsed exercise, the contract's parse entry.</summary>
public sealed record VoiceExerciseDto(string ExerciseId, string ExerciseName, double MatchScore, IReadOnlyList<SetDto> Sets);

public sealed record VoiceParseResponse(IReadOnlyList<VoiceExerciseDto> Exercises, IReadOnlyList<string> Unparsed, string Parser);

public sealed record VoiceLogResponse(string SessionId, IReadOnlyList<VoiceExerciseDto> Logged, IReadOnlyList<string> Unparsed, string Parser, SessionDto Session);

public sealed class VoiceMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.NewConfig<ParsedExercise, VoiceExerciseDto>()
            .MapToConstructor(true)
            .Map(dto => dto.MatchScore, parsed => Math.Round(parsed.MatchScore, 3));
    }
}
