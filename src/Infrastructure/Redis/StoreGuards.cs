using System.Buffers;
using FitCoach.Application.Common.Ports;

namespace FitCoach.Infrastructure.Redis;

/// <summary>
/// Argument checks shared by the Redis stores and their in-process twins, so both reject the same input the same
/// way instead of Redis answering with a server error the in-process version would not raise.
/// </summary>
internal static class StoreGuards
{
    private static readonly SearchValues<char> LowerHexDigits = SearchValues.Create("0123456789abcdef");

    /// <summary>Below a millisecond a window or expiry cannot be expressed to Redis (PEXPIRE is in ms).</summary>
    public static readonly TimeSpan MinimumDuration = TimeSpan.FromMilliseconds(1);

    public static void RateLimit(string key, RateLimitPolicy policy)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(policy.Limit, 1, nameof(policy));
        ArgumentOutOfRangeException.ThrowIfLessThan(policy.Window, MinimumDuration, nameof(policy));
    }

    public static void Leaderboard(string board, string userId, double score, TimeSpan? expireAfter)
    {
        ArgumentException.ThrowIfNullOrEmpty(board);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (double.IsNaN(score))
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, "A leaderboard score must be a number.");
        }

        if (expireAfter is { } expiry)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(expiry, MinimumDuration, nameof(expireAfter));
        }
    }

    public static void Ttl(TimeSpan ttl, string paramName) =>
        ArgumentOutOfRangeException.ThrowIfLessThan(ttl, MinimumDuration, paramName);

    /// <summary>
    /// Session ids are the 32 lower-case hex digits the stores issue. Anything else names no session, and keeping it
    /// out of key names means an id such as <c>active</c> or <c>x:entries</c> can never address another key.
    /// </summary>
    public static bool IsSessionId(string? sessionId) =>
        sessionId is { Length: 32 } && !sessionId.AsSpan().ContainsAnyExcept(LowerHexDigits);

    public static string NewSessionId() => Guid.NewGuid().ToString("N");

    /// <summary>The session lifetimes a store was given, defaulting to the Domain's.</summary>
    public static (TimeSpan Active, TimeSpan Ended) SessionLifetimes(TimeSpan? activeTtl, TimeSpan? endedTtl)
    {
        var active = activeTtl ?? Domain.Workouts.WorkoutSession.ActiveLifetime;
        var ended = endedTtl ?? Domain.Workouts.WorkoutSession.EndedLifetime;
        Ttl(active, nameof(activeTtl));
        Ttl(ended, nameof(endedTtl));
        return (active, ended);
    }
}
