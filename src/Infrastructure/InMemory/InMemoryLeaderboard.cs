using System.Collections.Concurrent;
using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.Redis;

namespace FitCoach.Infrastructure.InMemory;

/// <summary>
/// Leaderboards held in this process, ordered exactly as <see cref="RedisLeaderboard"/> orders them (Redis
/// <c>ZREVRANGE</c>: higher score first, equal scores in reverse byte order of the UTF-8 user id) and expiring the
/// same way (each write with an expiry renews it).
/// </summary>
public sealed class InMemoryLeaderboard : ILeaderboard
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Board> _boards = new(StringComparer.Ordinal);

    // One name per user that set one, like the Redis hash: bounded by the number of users, as the boards are.
    private readonly ConcurrentDictionary<string, string> _displayNames = new(StringComparer.Ordinal);
    private readonly SweepClock _clock;

    public InMemoryLeaderboard(TimeProvider? timeProvider = null)
    {
        _clock = new SweepClock(timeProvider, SweepInterval);
    }

    public Task IncrementAsync(
        string board, string userId, double delta, TimeSpan? expireAfter, CancellationToken cancellationToken)
    {
        StoreGuards.Leaderboard(board, userId, delta, expireAfter);
        cancellationToken.ThrowIfCancellationRequested();
        Write(board, expireAfter, b => b.Set(userId, (b.Find(userId) ?? 0) + delta));
        return Task.CompletedTask;
    }

    public Task SetIfHigherAsync(
        string board, string userId, double score, TimeSpan? expireAfter, CancellationToken cancellationToken)
    {
        StoreGuards.Leaderboard(board, userId, score, expireAfter);
        cancellationToken.ThrowIfCancellationRequested();
        Write(board, expireAfter, b =>
        {
            if (b.Find(userId) is not { } current || score > current)
            {
                b.Set(userId, score);
            }
        });
        return Task.CompletedTask;
    }

    public Task SetAsync(
        string board, string userId, double score, TimeSpan? expireAfter, CancellationToken cancellationToken)
    {
        StoreGuards.Leaderboard(board, userId, score, expireAfter);
        cancellationToken.ThrowIfCancellationRequested();
        Write(board, expireAfter, b => b.Set(userId, score));
        return Task.CompletedTask;
    }

    public async Task WriteAsync(IReadOnlyList<LeaderboardWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        foreach (var write in writes)
        {
            StoreGuards.Leaderboard(write.Board, write.UserId, write.Score, write.ExpireAfter);
        }

        foreach (var write in writes)
        {
            await (write.Mode == LeaderboardWriteMode.SetIfHigher
                ? SetIfHigherAsync(write.Board, write.UserId, write.Score, write.ExpireAfter, cancellationToken)
                : SetAsync(write.Board, write.UserId, write.Score, write.ExpireAfter, cancellationToken));
        }
    }

    public Task<LeaderboardPage> GetTopAsync(string board, int limit, string? userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(board);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        cancellationToken.ThrowIfCancellationRequested();

        var empty = new LeaderboardPage([], null);
        if (!_boards.TryGetValue(board, out var state))
        {
            return Task.FromResult(empty);
        }

        LeaderboardPage page;
        lock (state)
        {
            if (state.Evicted || state.IsExpired(_clock.Now))
            {
                return Task.FromResult(empty);
            }

            page = state.Page(limit, string.IsNullOrEmpty(userId) ? null : userId);
        }

        return Task.FromResult(LeaderboardDisplayNames.Attach(page, id => _displayNames.GetValueOrDefault(id)));
    }

    public Task SetDisplayNameAsync(string userId, string? displayName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrEmpty(displayName))
        {
            _displayNames.TryRemove(userId, out _);
        }
        else
        {
            _displayNames[userId] = displayName;
        }

        return Task.CompletedTask;
    }

    private void Write(string board, TimeSpan? expireAfter, Action<Board> write)
    {
        if (_clock.TryStartSweep())
        {
            Sweep();
        }

        while (true)
        {
            var state = _boards.GetOrAdd(board, static _ => new Board());
            lock (state)
            {
                if (state.Evicted)
                {
                    continue;
                }

                var now = _clock.Now;
                if (state.IsExpired(now))
                {
                    // Redis would have deleted the key: the write starts a new board.
                    state.Clear();
                }

                write(state);
                if (expireAfter is { } expiry)
                {
                    state.ExpiresAt = now + expiry.Ticks;
                }

                return;
            }
        }
    }

    private void Sweep()
    {
        foreach (var (name, state) in _boards)
        {
            lock (state)
            {
                if (state.IsExpired(_clock.Now))
                {
                    state.Evicted = true;
                    _boards.TryRemove(new KeyValuePair<string, Board>(name, state));
                }
            }
        }
    }

    private sealed class Board
    {
        private readonly Dictionary<string, double> _scores = new(StringComparer.Ordinal);
        private readonly SortedSet<(double Score, string UserId)> _ranking = new(RedisRankOrder.Instance);

        public bool Evicted { get; set; }

        /// <summary>Ticks on the store's clock, or null for a board that never expires.</summary>
        public long? ExpiresAt { get; set; }

        public bool IsExpired(long now) => ExpiresAt <= now;

        public double? Find(string userId) => _scores.TryGetValue(userId, out var score) ? score : null;

        public void Set(string userId, double score)
        {
            if (double.IsNaN(score))
            {
                // Redis refuses the same increment (inf + -inf); a NaN would also break the ordering.
                throw new InvalidOperationException("The resulting leaderboard score is not a number.");
            }

            if (_scores.TryGetValue(userId, out var old))
            {
                _ranking.Remove((old, userId));
            }

            _scores[userId] = score;
            _ranking.Add((score, userId));
        }

        public void Clear()
        {
            _scores.Clear();
            _ranking.Clear();
            ExpiresAt = null;
        }

        public LeaderboardPage Page(int limit, string? userId)
        {
            var entries = new List<LeaderboardEntry>(Math.Min(limit, _ranking.Count));
            LeaderboardEntry? me = null;
            var rank = 0;
            foreach (var (score, id) in _ranking)
            {
                rank++;
                if (rank <= limit)
                {
                    entries.Add(new LeaderboardEntry(rank, id, score));
                }

                if (id == userId)
                {
                    me = new LeaderboardEntry(rank, id, score);
                }

                if (rank >= limit && (userId is null || me is not null))
                {
                    break;
                }
            }

            return new LeaderboardPage(entries, me);
        }
    }

    /// <summary>
    /// ZREVRANGE order: score descending, then member descending by bytes. Redis compares members as UTF-8 bytes,
    /// which orders like Unicode scalar values; plain ordinal UTF-16 comparison differs once a surrogate pair meets a
    /// character from U+E000 to U+FFFF.
    /// </summary>
    private sealed class RedisRankOrder : IComparer<(double Score, string UserId)>
    {
        public static readonly RedisRankOrder Instance = new();

        public int Compare((double Score, string UserId) x, (double Score, string UserId) y)
        {
            var byScore = y.Score.CompareTo(x.Score);
            return byScore != 0 ? byScore : CompareScalars(y.UserId, x.UserId);
        }

        private static int CompareScalars(string x, string y)
        {
            var left = x.EnumerateRunes();
            var right = y.EnumerateRunes();
            while (true)
            {
                var hasLeft = left.MoveNext();
                var hasRight = right.MoveNext();
                if (!hasLeft || !hasRight)
                {
                    return hasLeft.CompareTo(hasRight);
                }

                var byScalar = left.Current.Value.CompareTo(right.Current.Value);
                if (byScalar != 0)
                {
                    return byScalar;
                }
            }
        }
    }
}
