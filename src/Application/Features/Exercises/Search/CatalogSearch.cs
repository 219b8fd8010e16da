using System.ComponentModel;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Features.Exercises.Matching;
using FitCoach.Domain.Exercises;
using MapsterMapper;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;

namespace FitCoach.Application.Features.Exercises.Search;

/// <summary>An exercise with its search relevance (1 = exact; catalog order when there was no text query).</summary>
[ImmutableObject(true)]
public sealed record ScoredExercise(ExerciseDto Exercise, double Score);

/// <summary>
/// A cached search result. Sealed and marked immutable so HybridCache hands every hit the same instance instead of
/// deserializing a copy per request (which a bare list type would cost).
/// </summary>
[ImmutableObject(true)]
public sealed record CatalogSearchResult(IReadOnlyList<ScoredExercise> Exercises);

/// <summary>
/// The catalog part of an exercise search, shared by every user and cached because ranking 873 names per keystroke
/// adds up. The key is the normalised query (stems, aliases and word order folded by the matcher), so rewordings
/// share an entry; a cache failure answers from the matcher. Search terms are a long tail (most are typed once), so
/// an entry stays in this process's memory for <see cref="LocalTtl"/> only, within the memory tier's size bound
/// (<c>Caching:LocalSizeLimitBytes</c>), while the Redis copy that every instance shares keeps <see cref="Ttl"/>.
/// </summary>
public sealed partial class CatalogSearch(
    HybridCache cache,
    IExerciseCatalog catalog,
    ExerciseMatcher matcher,
    IMapper mapper,
    IAppMetrics metrics,
    ILogger<CatalogSearch> logger)
{
    public const string CacheName = "exercise-search";

    public static readonly TimeSpan Ttl = TimeSpan.FromHours(6);

    /// <summary>How long one instance keeps a result in memory: a popular search is read again well within it.</summary>
    public static readonly TimeSpan LocalTtl = TimeSpan.FromMinutes(5);

    private static readonly HybridCacheEntryOptions EntryOptions = new() { Expiration = Ttl, LocalCacheExpiration = LocalTtl };

    private static readonly string[] Tags = ["exercise-catalog"];

    public async Task<IReadOnlyList<ScoredExercise>> SearchAsync(string? q, string? equipment, string? muscle, int limit, CancellationToken cancellationToken)
    {
        var normalizedEquipment = EquipmentVocabulary.Normalize(equipment);
        var normalizedMuscle = MuscleVocabulary.Normalize(muscle);
        var key = Key(q, normalizedEquipment, normalizedMuscle, limit);
        var computed = false;
        try
        {
            var found = await cache.GetOrCreateAsync(
                key,
                _ =>
                {
                    computed = true;
                    return ValueTask.FromResult(new CatalogSearchResult(Rank(q, normalizedEquipment, normalizedMuscle, limit)));
                },
                EntryOptions,
                Tags,
                cancellationToken);
            if (computed)
            {
                metrics.CacheMiss(CacheName);
            }
            else
            {
                metrics.CacheHit(CacheName);
            }

            return found.Exercises;
        }
        catch (Exception ex) when (!computed && ex is not OperationCanceledException)
        {
            metrics.CacheError(CacheName);
            CacheFailed(ex);
            return Rank(q, normalizedEquipment, normalizedMuscle, limit);
        }
    }

    /// <summary>
    /// The cache key of a search: the normalised query and the normalised filters. No text query (the catalog in name
    /// order) is <c>*</c>, apart from any text, since a query of only punctuation normalises to nothing yet is ranked
    /// as text (and finds nothing).
    /// </summary>
    public static string Key(string? q, string? normalizedEquipment, string? normalizedMuscle, int limit) =>
        $"{CacheName}:v2:{(string.IsNullOrWhiteSpace(q) ? "*" : "q=" + ExerciseMatcher.NormalizeKey(q))}:{normalizedEquipment}:{normalizedMuscle}:{limit}";

    private IReadOnlyList<ScoredExercise> Rank(string? q, string? equipment, string? muscle, int limit) =>
        [.. ExerciseSearch.Rank(catalog.All, matcher, q, equipment, muscle, limit).Select(r => new ScoredExercise(mapper.Map<ExerciseDto>(r.Exercise), r.Score))];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Exercise-search cache failed; ranking without it")]
    private partial void CacheFailed(Exception exception);
}
