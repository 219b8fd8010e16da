using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.RateLimiting;
using FitCoach.Application.Features.Exercises.Matching;
using FitCoach.Domain.Exercises;
using MapsterMapper;
using MediatR;
using Microsoft.Extensions.Logging;

namespace FitCoach.Application.Features.Exercises.Search;

/// <summary>
/// <c>GET /api/exercises</c>: the catalog plus the caller's own exercises, filtered by equipment and muscle and,
/// with <see cref="Q"/>, ranked by how well each name matches it (abbreviations, typos and all). The catalog part
/// is one cached query shared by every user; the caller's own exercises are read fresh and merged in.
/// </summary>
public sealed record SearchExercisesQuery(string UserId, string? Q, string? Equipment, string? Muscle, int Limit)
    : IQuery<IReadOnlyList<ExerciseDto>>, IRateLimited
{
    public string RateLimitGroup => RateLimitGroups.Catalog;

    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
}


internal static class ExerciseSearch
{
    /// <summary>Name matches below this are noise for a search list (create-or-match needs far more).</summary>
    private const double MinSearchScore = 0.5;

    public static IEnumerable<(Exercise Exercise, double Score)> Rank(
        IEnumerable<Exercise> exercises, ExerciseMatcher matcher, string? q, string? equipment, string? muscle, int limit)
    {
        bool Keep(Exercise e) =>
            (equipment is null || e.Equipment == equipment) &&
            (muscle is null || e.PrimaryMuscles.Contains(muscle) || e.SecondaryMuscles.Contains(muscle));

        if (string.IsNullOrWhiteSpace(q))
        {
            return exercises.Where(Keep).OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase).Take(limit).Select(e => (e, 0.0));
        }

        var scores = new Dictionary<string, (Exercise Exercise, double Score)>(StringComparer.OrdinalIgnoreCase);
        foreach (var match in matcher.Match(q, equipment, limit: SearchExercisesQuery.MaxLimit * 2))
        {
            if (match.Score >= MinSearchScore)
            {
                scores[match.Exercise.Id] = (match.Exercise, match.Score);
            }
        }

        // A plain substring hit ("curl" in "Hammer Curls") always belongs in a search list, below real matches.
        var needle = q.Trim();
        foreach (var e in exercises)
        {
            if (!scores.ContainsKey(e.Id) && e.Name.Contains(needle, StringComparison.OrdinalIgnoreCase))
            {
                scores[e.Id] = (e, MinSearchScore);
            }
        }

        return scores.Values
            .Where(s => Keep(s.Exercise))
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Exercise.Name.Length)
            .ThenBy(s => s.Exercise.Name, StringComparer.OrdinalIgnoreCase)
            .Take(limit);
    }
}

public sealed partial class SearchExercisesQueryHandler(
    CatalogSearch catalogSearch,
    ICustomExerciseStore customStore,
    CustomExerciseMatchers customMatchers,
    IMapper mapper,
    ILogger<SearchExercisesQueryHandler> logger)
    : IRequestHandler<SearchExercisesQuery, IReadOnlyList<ExerciseDto>>
{
    public async Task<IReadOnlyList<ExerciseDto>> Handle(SearchExercisesQuery request, CancellationToken cancellationToken)
    {
        var fromCatalog = await catalogSearch.SearchAsync(request.Q, request.Equipment, request.Muscle, request.Limit, cancellationToken);
        IReadOnlyList<Exercise> customs;
        try
        {
            customs = await customStore.ListAsync(request.UserId, cancellationToken);
        }
        catch (DependencyUnavailableException ex)
        {
            // Reads keep working in an outage: the catalog answers alone until the user's own exercises are back.
            CustomExercisesUnavailable(ex);
            customs = [];
        }

        if (customs.Count == 0)
        {
            return [.. fromCatalog.Select(s => s.Exercise)];
        }

        var own = ExerciseSearch.Rank(
                customs, customMatchers.For(request.UserId, customs), request.Q, EquipmentVocabulary.Normalize(request.Equipment), MuscleVocabulary.Normalize(request.Muscle), request.Limit)
            .Select(r => new ScoredExercise(mapper.Map<ExerciseDto>(r.Exercise), r.Score));
        var merged = string.IsNullOrWhiteSpace(request.Q)
            ? own.Concat(fromCatalog)
            : own.Concat(fromCatalog).OrderByDescending(s => s.Score);
        return [.. merged.Take(request.Limit).Select(s => s.Exercise)];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Custom exercises unavailable; searching the catalog only")]
    private partial void CustomExercisesUnavailable(Exception exception);
}
