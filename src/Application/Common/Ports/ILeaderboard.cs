namespace FitCoach.Application.Common.Ports;

public sealed record LeaderboardEntry(int Rank, string UserId, double Score);

public sealed record LeaderboardPage(IReadOnlyList<LeaderboardEntry> Entries, LeaderboardEntry? Me);

/// <summary>Ranked scores per board key (e.g. <c>volume:week:2026-W47</c>); higher scores rank first.</summary>
public interface ILeaderboard
{
    /// <summary>Adds <paramref name="delta"/> to the user's score (creating it at zero).</summary>
    Task IncrementAsync(string board, string userId, double delta, TimeSpan? expireAfter, CancellationToken cancellationToken);

    /// <summary>Sets the user's score only when it beats the stored one (personal bests).</summary>
    Task SetIfHigherAsync(string board, string userId, double score, TimeSpan? expireAfter, CancellationToken cancellationToken);

    /// <summary>Replaces the user's score (values that can go down, such as a streak).</summary>
    Task SetAsync(string board, string userId, double score, TimeSpan? expireAfter, CancellationToken cancellationToken);

    /// <summary>The top <paramref name="limit"/> entries (rank 1 first, ties by user id) and, when given, the caller's.</summary>
    Task<LeaderboardPage> GetTopAsync(string board, int limit, string? userId, CancellationToken cancellationToken);
}
