using System.Text.RegularExpressions;
using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.RateLimiting;
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

public sealed partial class SwapExerciseCommandHandler(
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
        var injuries = PainfulRegions(request.Reason);
        var result = engine.Find(original, new SubstitutionFilters(equipment, injuries), request.Limit);
        return new SwapExerciseResponse(
            mapper.Map<ExerciseDto>(original),
            [.. result.Substitutes.Select(s => new SubstituteDto(mapper.Map<ExerciseDto>(s.Exercise), s.Similarity, s.Reason))],
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

    /// <summary>
    /// Body regions the reason says hurt: a region word and a pain word in the same reason, unless the pain is denied
    /// ("no pain", "doesn't hurt"). A plain reading for a short reason; the injury analysis route reads descriptions in
    /// full.
    /// </summary>
    internal static IReadOnlyList<string> PainfulRegions(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return [];
        }

        var text = reason.ToLowerInvariant();
        if (!PainWord().IsMatch(text) || DeniedPain().IsMatch(text))
        {
            return [];
        }

        var regions = new List<string>();
        foreach (var (pattern, region) in RegionWords)
        {
            if (pattern.IsMatch(text) && !regions.Contains(region))
            {
                regions.Add(region);
            }
        }

        return regions;
    }

    private static readonly (Regex Pattern, string Region)[] RegionWords =
    [
        (new Regex(@"\bneck\b", RegexOptions.CultureInvariant), "neck"),
        (new Regex(@"\b(?:shoulders?|rotator cuff|delts?)\b", RegexOptions.CultureInvariant), "shoulder"),
        (new Regex(@"\b(?:elbows?|tennis elbow|golfer'?s elbow)\b", RegexOptions.CultureInvariant), "elbow"),
        (new Regex(@"\b(?:wrists?|hands?|thumbs?|fingers?)\b", RegexOptions.CultureInvariant), "wrist_hand"),
        (new Regex(@"\b(?:chest|pecs?)\b", RegexOptions.CultureInvariant), "chest"),
        (new Regex(@"\b(?:upper back|between my shoulder blades|mid back)\b", RegexOptions.CultureInvariant), "upper_back"),
        (new Regex(@"\b(?:lower back|low back|back|lumbar|spine|sciatica)\b", RegexOptions.CultureInvariant), "lower_back"),
        (new Regex(@"\b(?:hips?|hip flexors?)\b", RegexOptions.CultureInvariant), "hip"),
        (new Regex(@"\b(?:groin|adductors?)\b", RegexOptions.CultureInvariant), "groin"),
        (new Regex(@"\b(?:hamstrings?|hammy|hammies)\b", RegexOptions.CultureInvariant), "hamstring"),
        (new Regex(@"\b(?:quads?|quadriceps|thighs?)\b", RegexOptions.CultureInvariant), "quadriceps"),
        (new Regex(@"\b(?:knees?|kneecaps?|patellar?|acl|mcl|meniscus)\b", RegexOptions.CultureInvariant), "knee"),
        (new Regex(@"\b(?:shins?|shin splints)\b", RegexOptions.CultureInvariant), "shin"),
        (new Regex(@"\b(?:calf|calves|achilles)\b", RegexOptions.CultureInvariant), "calf"),
        (new Regex(@"\b(?:ankles?)\b", RegexOptions.CultureInvariant), "ankle"),
        (new Regex(@"\b(?:foot|feet|heels?|plantar)\b", RegexOptions.CultureInvariant), "foot"),
    ];

    [GeneratedRegex(@"\b(?:pain\w*|hurts?|hurting|sore|ache\w*|aching|injur\w*|tweak\w*|strain\w*|sprain\w*|tendinitis|tendinopathy|tendonitis|twinge|pinch\w*|niggle|bother\w*|flare\w*|irritat\w*)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PainWord();

    [GeneratedRegex(@"\b(?:no|without|not any|zero)\s+(?:\w+\s+){0,2}(?:pain|hurt|soreness|ache)\b|\b(?:does ?n[o']?t|doesn't|don't|do not|never)\s+(?:\w+\s+){0,1}(?:hurt|ache|bother)", RegexOptions.CultureInvariant)]
    private static partial Regex DeniedPain();
}
