using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.RateLimiting;
using FitCoach.Application.Features.Chat.Reading;
using FitCoach.Application.Features.Exercises;
using FitCoach.Application.Features.Exercises.CreateOrMatch;
using FitCoach.Application.Features.Exercises.Matching;
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

public sealed class SwapExerciseCommandHandler(
    IExerciseCatalog catalog,
    ExerciseMatchCache matchCache,
    ICustomExerciseStore customStore,
    CustomExerciseMatchers customMatchers,
    ExerciseMeaningMatcher meaningMatcher,
    SubstitutionEngine engine,
    IMapper mapper)
    : IRequestHandler<SwapExerciseCommand, SwapExerciseResponse>
{
    public async Task<SwapExerciseResponse> Handle(SwapExerciseCommand request, CancellationToken cancellationToken)
    {
        var (original, matchedBy) = await ResolveAsync(request, cancellationToken);
        var equipment = request.Equipment is null ? null : EquipmentList.Parse(string.Join(',', request.Equipment));
        var injuries = SwapTextReader.PainfulRegions(request.Reason);
        var result = engine.Find(original, new SubstitutionFilters(equipment, injuries), request.Limit);
        return new SwapExerciseResponse(
            mapper.Map<ExerciseDto>(original),
            mapper.Map<List<SubstituteDto>>(result.Substitutes),
            matchedBy,
            injuries);
    }

    private async Task<(Exercise Exercise, string MatchedBy)> ResolveAsync(SwapExerciseCommand request, CancellationToken cancellationToken)
    {
        var text = request.Exercise.Trim();
        if (catalog.Find(text) is { } byId)
        {
            return (byId, "id");
        }

        var customs = await customStore.ListAsync(request.UserId, cancellationToken);
        if (customs.FirstOrDefault(e => string.Equals(e.Id, text, StringComparison.OrdinalIgnoreCase)) is { } ownById)
        {
            return (ownById, "id");
        }

        var match = await matchCache.MatchAsync(text, null, cancellationToken);
        if (match.ExerciseId is not null && catalog.Find(match.ExerciseId) is { } byName)
        {
            return (byName, "name");
        }

        if (customs.Count > 0 && customMatchers.For(request.UserId, customs).BestMatch(text) is { } own)
        {
            return (own.Exercise, "name");
        }

        if (await meaningMatcher.MatchAsync(text, null, cancellationToken) is { } byMeaning)
        {
            return (byMeaning.Exercise, "meaning");
        }

        throw new NotFoundException("Exercise", text);
    }
}
