using System.Collections.Concurrent;
using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Workouts;
using FitCoach.Infrastructure.Redis;

namespace FitCoach.Infrastructure.InMemory;

/// <summary>
/// Live sessions held in this process, with the semantics of <see cref="RedisSessionStore"/>: the same lifetimes
/// (<see cref="WorkoutSession.ActiveLifetime"/>, <see cref="WorkoutSession.EndedLifetime"/>), the same active pointer,
/// the same lifecycle (<see cref="WorkoutSession.End"/>: a session ends once; a new start abandons the old active one). One lock per user makes
/// each call atomic, so concurrent appends all land.
/// </summary>
public sealed class InMemorySessionStore : ISessionStore
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, UserSessions> _users = new(StringComparer.Ordinal);
    private readonly SweepClock _clock;
    private readonly long _activeTtl;
    private readonly long _endedTtl;

    /// <param name="activeTtl">How long an active session lives after its start or latest append (default 24 h).</param>
    /// <param name="endedTtl">How long an ended session stays readable (default 1 h).</param>
    /// <param name="timeProvider">The time source for expiry (default: the system's).</param>
    public InMemorySessionStore(TimeSpan? activeTtl = null, TimeSpan? endedTtl = null, TimeProvider? timeProvider = null)
    {
        var (active, ended) = StoreGuards.SessionLifetimes(activeTtl, endedTtl);
        _activeTtl = active.Ticks;
        _endedTtl = ended.Ticks;
        _clock = new SweepClock(timeProvider, SweepInterval);
    }

    public Task<WorkoutSession> StartAsync(
        string userId, string? name, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        cancellationToken.ThrowIfCancellationRequested();
        var sessionId = StoreGuards.NewSessionId();
        return Task.FromResult(WithUser(userId, user =>
        {
            var expiresAt = _clock.Now + _activeTtl;
            if (user.ActiveId is { } previousId && Find(user, previousId) is { } previous)
            {
                // One active session per user: the one left open is ended as abandoned, its sets kept readable.
                End(user, previousId, previous, SessionStatus.Abandoned, startedAt);
            }

            var session = new StoredSession(name, startedAt) { ExpiresAt = expiresAt };
            user.Sessions[sessionId] = session;
            user.ActiveId = sessionId;
            user.ActiveExpiresAt = expiresAt;
            return session.ToSession(sessionId, userId);
        }));
    }

    public Task<WorkoutSession?> GetAsync(string userId, string sessionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(WithUser(userId, user => Find(user, sessionId)?.ToSession(sessionId, userId)));
    }

    public Task<WorkoutSession?> GetActiveAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(WithUser(userId, user =>
        {
            if (user.ActiveId is not { } activeId || user.ActiveExpiresAt <= _clock.Now)
            {
                return null;
            }

            var session = Find(user, activeId);
            return session?.Status == SessionStatus.Active ? session.ToSession(activeId, userId) : null;
        }));
    }

    public Task<WorkoutSession?> AppendAsync(
        string userId, string sessionId, IReadOnlyList<LoggedExercise> entries, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(entries);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(WithUser(userId, user =>
        {
            var session = Find(user, sessionId);
            if (session?.Status != SessionStatus.Active)
            {
                return null;
            }

            session.Entries.AddRange(entries);
            var expiresAt = _clock.Now + _activeTtl;
            session.ExpiresAt = expiresAt;
            if (user.ActiveId == sessionId)
            {
                user.ActiveExpiresAt = expiresAt;
            }

            return session.ToSession(sessionId, userId);
        }));
    }

    public Task<WorkoutSession?> EndAsync(
        string userId,
        string sessionId,
        SessionStatus status,
        DateTimeOffset endedAt,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(WithUser(userId, user =>
        {
            var session = Find(user, sessionId);
            if (session is null)
            {
                return null;
            }

            End(user, sessionId, session, status, endedAt);
            return session.ToSession(sessionId, userId);
        }));
    }

    /// <summary>Applies <see cref="WorkoutSession.End"/> to the stored session (under the user's lock).</summary>
    private void End(UserSessions user, string sessionId, StoredSession session, SessionStatus status, DateTimeOffset endedAt)
    {
        var ended = session.ToSession(sessionId, string.Empty).End(status, endedAt);
        if (ended.Status == session.Status)
        {
            return;
        }

        session.Status = ended.Status;
        session.EndedAt = ended.EndedAt;
        session.ExpiresAt = _clock.Now + _endedTtl;
        if (user.ActiveId == sessionId)
        {
            user.ActiveId = null;
        }
    }

    /// <summary>Runs <paramref name="action"/> under the user's lock, on state no sweep has dropped.</summary>
    private T WithUser<T>(string userId, Func<UserSessions, T> action)
    {
        if (_clock.TryStartSweep())
        {
            Sweep();
        }

        while (true)
        {
            var user = _users.GetOrAdd(userId, static _ => new UserSessions());
            lock (user)
            {
                if (!user.Evicted)
                {
                    return action(user);
                }
            }
        }
    }

    private StoredSession? Find(UserSessions user, string sessionId)
    {
        if (!user.Sessions.TryGetValue(sessionId, out var session))
        {
            return null;
        }

        if (session.ExpiresAt > _clock.Now)
        {
            return session;
        }

        user.Sessions.Remove(sessionId);
        return null;
    }

    private void Sweep()
    {
        foreach (var (userId, user) in _users)
        {
            lock (user)
            {
                var now = _clock.Now;
                foreach (var (sessionId, session) in user.Sessions)
                {
                    if (session.ExpiresAt <= now)
                    {
                        user.Sessions.Remove(sessionId);
                    }
                }

                if (user.Sessions.Count == 0)
                {
                    user.Evicted = true;
                    _users.TryRemove(new KeyValuePair<string, UserSessions>(userId, user));
                }
            }
        }
    }

    private sealed class UserSessions
    {
        public Dictionary<string, StoredSession> Sessions { get; } = new(StringComparer.Ordinal);

        public string? ActiveId { get; set; }

        public long ActiveExpiresAt { get; set; }

        public bool Evicted { get; set; }
    }

    private sealed class StoredSession(string? name, DateTimeOffset startedAt)
    {
        public List<LoggedExercise> Entries { get; } = [];

        public SessionStatus Status { get; set; } = SessionStatus.Active;

        public DateTimeOffset? EndedAt { get; set; }

        public long ExpiresAt { get; set; }

        /// <summary>A snapshot: later appends must not show through a session already handed out.</summary>
        public WorkoutSession ToSession(string sessionId, string userId) =>
            new(sessionId, userId, name, startedAt, Status, [.. Entries]) { EndedAt = EndedAt };
    }
}
