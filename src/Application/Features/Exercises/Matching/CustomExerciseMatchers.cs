using FitCoach.Application.Common.Time;
using FitCoach.Domain.Exercises;
using Microsoft.Extensions.Caching.Memory;

namespace FitCoach.Application.Features.Exercises.Matching;

/// <summary>
/// One <see cref="ExerciseMatcher"/> per user over their custom exercises, built once and reused, so a user with
/// custom exercises pays no index build per request. An entry is keyed by the user and a fingerprint of their
/// exercise ids, so it is replaced when their list changes on any API instance; creating one here also drops it at
/// once. At most <see cref="Capacity"/> users' indexes are held (least recently used go first) and each is dropped
/// after <see cref="IdleLifetime"/> unused.
/// </summary>
public sealed class CustomExerciseMatchers : IDisposable
{
    public const int Capacity = 2_000;

    public static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(30);

    private readonly MemoryCache _matchers;

    public CustomExerciseMatchers(TimeProvider time, int capacity = Capacity)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _matchers = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = capacity,
            CompactionPercentage = 0.25,
            Clock = new TimeProviderClock(time),
        });
    }

    /// <summary>How many users' indexes are held now.</summary>
    public int Count => _matchers.Count;

    /// <summary>The matcher over <paramref name="exercises"/>, the user's current custom exercises.</summary>
    public ExerciseMatcher For(string userId, IReadOnlyList<Exercise> exercises)
    {
        ArgumentNullException.ThrowIfNull(exercises);
        if (_matchers.TryGetValue(userId, out Entry? entry) && entry!.Fingerprint == Fingerprint(exercises))
        {
            return entry.Matcher;
        }

        var built = new Entry(Fingerprint(exercises), new ExerciseMatcher(exercises));
        _matchers.Set(userId, built, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = IdleLifetime });
        return built.Matcher;
    }

    /// <summary>Drops the user's index (they created an exercise).</summary>
    public void Invalidate(string userId) => _matchers.Remove(userId);

    public void Dispose() => _matchers.Dispose();

    private static string Fingerprint(IReadOnlyList<Exercise> exercises) =>
        $"{exercises.Count}:{string.Join('\u001f', exercises.Select(e => e.Id).Order(StringComparer.Ordinal))}";

    private sealed record Entry(string Fingerprint, ExerciseMatcher Matcher);
}
