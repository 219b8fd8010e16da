using FitCoach.Application.Common.Ports;
using StackExchange.Redis;

namespace FitCoach.Infrastructure.Redis;

/// <summary>
/// Leaderboards as Redis sorted sets (one per board, see <see cref="RedisKeys.Leaderboard"/>). Ranks are 1-based
/// positions in <c>ZREVRANGE</c> order: higher score first, equal scores in reverse byte order of the user id.
/// An expiry, when given, is renewed by every write, so a board lives for that long after its latest write.
/// </summary>
public sealed class RedisLeaderboard : ILeaderboard
{
    private readonly IConnectionMultiplexer _redis;

    public RedisLeaderboard(IConnectionMultiplexer redis)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _redis = redis;
    }

    public Task IncrementAsync(
        string board, string userId, double delta, TimeSpan? expireAfter, CancellationToken cancellationToken)
    {
        StoreGuards.Leaderboard(board, userId, delta, expireAfter);
        return WriteAsync(
            board, expireAfter, (db, key) => db.SortedSetIncrementAsync(key, userId, delta), cancellationToken);
    }

    public Task SetIfHigherAsync(
        string board, string userId, double score, TimeSpan? expireAfter, CancellationToken cancellationToken)
    {
        StoreGuards.Leaderboard(board, userId, score, expireAfter);
        return WriteAsync(
            board,
            expireAfter,
            (db, key) => db.SortedSetAddAsync(key, userId, score, SortedSetWhen.GreaterThan),
            cancellationToken);
    }

    public Task SetAsync(
        string board, string userId, double score, TimeSpan? expireAfter, CancellationToken cancellationToken)
    {
        StoreGuards.Leaderboard(board, userId, score, expireAfter);
        return WriteAsync(
            board, expireAfter, (db, key) => db.SortedSetAddAsync(key, userId, score), cancellationToken);
    }

    public async Task WriteAsync(IReadOnlyList<LeaderboardWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        foreach (var write in writes)
        {
            StoreGuards.Leaderboard(write.Board, write.UserId, write.Score, write.ExpireAfter);
        }

        if (writes.Count == 0)
        {
            return;
        }

        // Boards hash to different slots, so this is a pipeline (one round trip), not one script; each write and its
        // expiry go out back to back and every write is idempotent, so a retry repairs whatever a failure left.
        var batch = _redis.GetDatabase().CreateBatch();
        var pending = new List<Task>(writes.Count * 2);
        foreach (var write in writes)
        {
            var key = RedisKeys.Leaderboard(write.Board);
            pending.Add(batch.SortedSetAddAsync(
                key, write.UserId, write.Score, write.Mode == LeaderboardWriteMode.SetIfHigher ? SortedSetWhen.GreaterThan : SortedSetWhen.Always));
            if (write.ExpireAfter is { } expiry)
            {
                pending.Add(batch.KeyExpireAsync(key, expiry));
            }
        }

        batch.Execute();
        await Task.WhenAll(pending).WaitAsync(cancellationToken);
    }

    public async Task<LeaderboardPage> GetTopAsync(
        string board, int limit, string? userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(board);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        RedisValue[] values = string.IsNullOrEmpty(userId) ? [limit] : [limit, userId];

        var result = await _redis.GetDatabase()
            .ScriptEvaluateAsync(RedisScripts.LeaderboardTop, [RedisKeys.Leaderboard(board)], values)
            .WaitAsync(cancellationToken);

        var parts = (RedisResult[])result!;
        var top = (RedisResult[])parts[0]!;
        var entries = new LeaderboardEntry[top.Length / 2];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new LeaderboardEntry(i + 1, (string)top[2 * i]!, (double)top[(2 * i) + 1]);
        }

        var me = parts[1].IsNull ? null : new LeaderboardEntry((int)(long)parts[1] + 1, userId!, (double)parts[2]);
        return await WithDisplayNamesAsync(new LeaderboardPage(entries, me), cancellationToken);
    }

    public async Task SetDisplayNameAsync(string userId, string? displayName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var db = _redis.GetDatabase();
        await (string.IsNullOrEmpty(displayName)
                ? db.HashDeleteAsync(RedisKeys.LeaderboardDisplayNames, userId)
                : db.HashSetAsync(RedisKeys.LeaderboardDisplayNames, userId, displayName))
            .WaitAsync(cancellationToken);
    }

    /// <summary>
    /// The page with each entry's display name, read with one <c>HMGET</c>: the names hash sits in a slot of its own
    /// (boards hash to theirs), so it cannot join the board script on Redis Cluster, but it costs one more round trip
    /// per page, never one per entry.
    /// </summary>
    private async Task<LeaderboardPage> WithDisplayNamesAsync(LeaderboardPage page, CancellationToken cancellationToken)
    {
        var users = page.Entries.Select(e => e.UserId).Append(page.Me?.UserId).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        if (users.Length == 0)
        {
            return page;
        }

        var values = await _redis.GetDatabase()
            .HashGetAsync(RedisKeys.LeaderboardDisplayNames, [.. users.Select(u => (RedisValue)u)])
            .WaitAsync(cancellationToken);
        var names = new Dictionary<string, string>(users.Length, StringComparer.Ordinal);
        for (var i = 0; i < users.Length; i++)
        {
            if (!values[i].IsNull)
            {
                names[users[i]] = values[i]!;
            }
        }

        return LeaderboardDisplayNames.Attach(page, names.GetValueOrDefault);
    }

    /// <summary>
    /// One write, or the write and its expiry in one MULTI/EXEC so a board can never be left without the expiry
    /// it was given.
    /// </summary>
    private async Task WriteAsync(
        string board,
        TimeSpan? expireAfter,
        Func<IDatabaseAsync, RedisKey, Task> write,
        CancellationToken cancellationToken)
    {
        var key = RedisKeys.Leaderboard(board);
        var db = _redis.GetDatabase();
        if (expireAfter is not { } expiry)
        {
            await write(db, key).WaitAsync(cancellationToken);
            return;
        }

        var transaction = db.CreateTransaction();
        var written = write(transaction, key);
        var expired = transaction.KeyExpireAsync(key, expiry);
        await transaction.ExecuteAsync().WaitAsync(cancellationToken);
        await Task.WhenAll(written, expired);
    }
}
