using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Profiles;
using FitCoach.Domain.Workouts;
using Microsoft.Extensions.Caching.Hybrid;

namespace FitCoach.Application.Common.UserContext;

/// <summary>
/// Builds and caches each user's <see cref="UserContext"/> for 15 minutes. A saved profile and a recorded workout
/// (their notifications' handlers) call <see cref="InvalidateAsync"/>, which removes the entry from this node's memory and from Redis; other
/// API nodes hold it in memory for at most <see cref="LocalLifetime"/> (HybridCache does not broadcast removals).
/// </summary>
public sealed class UserContextProvider(HybridCache cache, IProfileStore profiles, IWorkoutStore workouts, TimeProvider time, IAppMetrics metrics)
{
    public const string CacheName = "user-context";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan LocalLifetime = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Window = TimeSpan.FromDays(28);

    public async Task<UserContext> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var built = false;
        var context = await cache.GetOrCreateAsync(
            Key(userId),
            async token =>
            {
                built = true;
                return await BuildAsync(userId, token);
            },
            new HybridCacheEntryOptions { Expiration = Lifetime, LocalCacheExpiration = LocalLifetime },
            cancellationToken: cancellationToken);
        if (built)
        {
            metrics.CacheMiss(CacheName);
        }
        else
        {
            metrics.CacheHit(CacheName);
        }

        return context;
    }

    public async Task InvalidateAsync(string userId, CancellationToken cancellationToken) =>
        await cache.RemoveAsync(Key(userId), cancellationToken);

    public async Task<UserContext> BuildAsync(string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var profileTask = profiles.GetAsync(userId, cancellationToken);
        var historyTask = workouts.ListAsync(userId, now - Window, now, cancellationToken);
        var profile = await profileTask ?? new UserProfile();
        return new UserContext(profile, Summarize(await historyTask, now));
    }

    public static TrainingSummary Summarize(IReadOnlyList<Workout> history, DateTimeOffset now)
    {
        var counted = history.Where(w => w.Exercises.Any(e => e.Sets.Count > 0)).ToList();
        if (counted.Count == 0)
        {
            return TrainingSummary.Empty;
        }

        var sets = counted.SelectMany(w => w.Exercises).SelectMany(e => e.Sets).Count(s => s.Type is not "warmup");
        var top = counted.SelectMany(w => w.Exercises)
            .GroupBy(e => e.ExerciseName, StringComparer.OrdinalIgnoreCase)
            .Select(g => (Name: g.First().ExerciseName, Sets: g.Sum(e => e.Sets.Count)))
            .OrderByDescending(x => x.Sets)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(3)
            .Select(x => x.Name)
            .ToList();
        var rpes = counted.Where(w => w.SessionRpe is not null).Select(w => w.SessionRpe!.Value).ToList();
        var last = counted.Max(w => w.PerformedAt);
        return new TrainingSummary(
            counted.Count,
            Math.Round(counted.Count / 4.0 * 2, MidpointRounding.AwayFromZero) / 2,
            sets,
            Math.Max(0, (int)(now - last).TotalDays),
            rpes.Count > 0 ? Math.Round(rpes.Average() * 2, MidpointRounding.AwayFromZero) / 2 : null,
            top);
    }

    private static string Key(string userId) => $"user-context:{userId}";
}
