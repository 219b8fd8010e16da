using System.ComponentModel;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Features.Exercises.Matching;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;

namespace FitCoach.Application.Features.Exercises.CreateOrMatch;

/// <summary>A remembered catalog match for a normalised name; <see cref="ExerciseId"/> is null when none was good enough.</summary>
[ImmutableObject(true)]
public sealed record CachedExerciseMatch(string? ExerciseId, double Score);

/// <summary>
/// The exercise-match cache: catalog matches by normalised name (and equipment hint) for seven days, shared by
/// every instance through the cache's Redis tier. Misses and failures fall back to the matcher itself.
/// </summary>
public sealed class ExerciseMatchCache(
    HybridCache cache,
    ExerciseMatcher matcher,
    IAppMetrics metrics,
    ILogger<ExerciseMatchCache> logger)
{
    public const string CacheName = "exercise-match";

    /// <summary>Bump when the matcher's behaviour changes so week-old answers are not served by a new release.</summary>
    private const string KeyVersion = "v1";

    public static readonly TimeSpan Ttl = TimeSpan.FromDays(7);

    private static readonly HybridCacheEntryOptions EntryOptions = new() { Expiration = Ttl, LocalCacheExpiration = TimeSpan.FromHours(1) };

    public async ValueTask<CachedExerciseMatch> MatchAsync(string name, string? equipment, CancellationToken cancellationToken)
    {
        var key = $"{CacheName}:{KeyVersion}:{ExerciseMatcher.NormalizeKey(name, equipment)}";
        var computed = false;
        try
        {
            var result = await cache.GetOrCreateAsync(
                key,
                _ =>
                {
                    computed = true;
                    return ValueTask.FromResult(Compute(name, equipment));
                },
                EntryOptions,
                tags: null,
                cancellationToken);
            if (computed)
            {
                metrics.CacheMiss(CacheName);
            }
            else
            {
                metrics.CacheHit(CacheName);
            }

            return result;
        }
        catch (Exception ex) when (!computed && ex is not OperationCanceledException)
        {
            metrics.CacheError(CacheName);
            logger.LogWarning(ex, "Exercise-match cache failed; matching without it");
            return Compute(name, equipment);
        }
    }

    /// <summary>Matches without the cache (also used when a cached id no longer exists in the catalog).</summary>
    public CachedExerciseMatch Compute(string name, string? equipment)
    {
        var best = matcher.Match(name, equipment, limit: 1);
        if (best.Count == 0)
        {
            return new CachedExerciseMatch(null, 0);
        }

        var top = best[0];
        return top.Score >= ExerciseMatcher.MatchThreshold
            ? new CachedExerciseMatch(top.Exercise.Id, top.Score)
            : new CachedExerciseMatch(null, top.Score);
    }
}
