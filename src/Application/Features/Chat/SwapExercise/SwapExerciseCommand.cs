using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.RateLimiting;
using FitCoach.Application.Features.Chat.Reading;
using FitCoach.Application.Features.Exercises;
using FitCoach.Application.Features.Exercises.Substitutes;
using FitCoach.Domain.Exercises;
using MapsterMapper;
using MediatR;

namespace FitCoach.Application.Features.Chat.SwapExercise;

/// <summary>
/// <c>POST /api/chat/swap-exercise {exercise, reason?, equipment?}</c>: the exercise by catalog id, your own id, or a
/// name as people say it ("RDL", "db bench"; resolved like create-or-match, but never created), and its substitutes
/// with only the equipment listed. A reason that names a painful body region ("my knee hurts on these") also leaves
/// out what loads that region; the regions read are returned.
/// </summary>
public sealed record SwapExerciseCommand(string UserId, string Exercise, string? Reason, IReadOnlyList<string>? Equipment, int Limit)
    : IQuery<SwapExerciseResponse>, IRateLimited
{
    public const int DefaultLimit = 10;

    public string RateLimitGroup => RateLimitGroups.AiOther;
}

/// <param name="MatchedBy"><c>id</c>, <c>name</c> (its words) or <c>meaning</c> (the local embedding model).</param>
/// <param name="Injuries">Body regions the reason named as painful, whose loading patterns were left out.</param>
public sealed record SwapExerciseResponse(ExerciseDto Original, IReadOnlyList<SubstituteDto> Substitutes, string MatchedBy, IReadOnlyList<string> Injuries);

public sealed class SwapExerciseCommandHandler(ExerciseLookup exercises, SubstitutionEngine engine, IMapper mapper)
    : IRequestHandler<SwapExerciseCommand, SwapExerciseResponse>
{
    public async Task<SwapExerciseResponse> Handle(SwapExerciseCommand request, CancellationToken cancellationToken)
    {
        var found = await exercises.FindAsync(request.UserId, request.Exercise, cancellationToken)
            ?? throw new NotFoundException("Exercise", request.Exercise.Trim());
        var injuries = SwapTextReader.PainfulRegions(request.Reason);
        var result = engine.Find(found.Exercise, new SubstitutionFilters(EquipmentList.Parse(request.Equipment), injuries), request.Limit);
        return new SwapExerciseResponse(
            mapper.Map<ExerciseDto>(found.Exercise),
            mapper.Map<List<SubstituteDto>>(result.Substitutes),
            found.MatchedBy,
            injuries);
    }
}
