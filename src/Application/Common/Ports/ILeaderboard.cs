namespace FitCoach.Application.Common.Ports;

/// <summary>One ranked user; <paramref name="DisplayName"/> is the name set for the user, if any.</summary>
public sealed record LeaderboardEntry(int Rank, string UserId, double Score, string? DisplayName = null);

public sealed record LeaderboardPage(IReadOnlyList<LeaderboardEntry> Entries, LeaderboardEntry? Me);

public enum LeaderboardWriteMode
{
    /// <summary>Replace the score (totals recomputed from the user's summary, a streak): idempotent.</summary>
    Set,

    /// <summary>Keep the higher of the stored and the given score (personal bests): idempotent.</summary>
    SetIfHigher,
}

/// <summary>One score written by <see cref="ILeaderboard.WriteAsync"/>.</summary>
public sealed record LeaderboardWrite(string Board, string UserId, double Score, LeaderboardWriteMode Mode, TimeSpan? ExpireAfter);

/// <summary>Ranked scores per board key (e.g. <c>volume:week:2026-W47</c>); higher scores rank first.</summary>
public interface ILeaderboard
{
    /// <summary>Adds <paramref name="delta"/> to the user's score (creating it at zero).</summary>
    Task IncrementAsync(string board, string userId, double delta, TimeSpan? expireAfter, CancellationToken cancellationToken);

    /// <summary>Sets the user's score only when it beats the stored one (personal bests).</summary>
    Task SetIfHigherAsync(string board, string userId, double score, TimeSpan? expireAfter, CancellationToken cancellationToken);

    /// <summary>Replaces the user's score (values that can go down, such as a streak).</summary>
    Task SetAsync(string board, string userId, double score, TimeSpan? expireAfter, CancellationToken cancellationToken);

    /// <summary>
    /// Applies many idempotent writes, over any boards and users, in one round trip (each write and its expiry stay
    /// together); what a recorded workout or a whole import does to the boards.
    /// </summary>
    Task WriteAsync(IReadOnlyList<LeaderboardWrite> writes, CancellationToken cancellationToken);

    /// <summary>
    /// The top <paramref name="limit"/> entries (rank 1 first, ties by user id) and, when given, the caller's, each
    /// with the display name set for its user (<see cref="SetDisplayNameAsync"/>): a page costs the same few round
    /// trips whatever its length, never one per entry.
    /// </summary>
    Task<LeaderboardPage> GetTopAsync(string board, int limit, string? userId, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the name shown with the user's entries on every board, or clears it when <paramref name="displayName"/>
    /// is null or empty. One name per user, kept until replaced or cleared: idempotent.
    /// </summary>
    Task SetDisplayNameAsync(string userId, string? displayName, CancellationToken cancellationToken);
}
