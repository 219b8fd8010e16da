using System.Globalization;
using System.Text.Json;
using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Workouts;
using StackExchange.Redis;

namespace FitCoach.Infrastructure.Redis;

/// <summary>
/// Live sessions in Redis, per user: a hash with the status and timestamps, a list with one JSON document per
/// logged exercise, and a pointer to the active session (key names in <see cref="RedisKeys"/>). Start, read, append
/// and end are one Lua script each, so every call is one atomic round trip and concurrent appends from several
/// devices all land. Lifetimes and the lifecycle are the Domain's (<see cref="WorkoutSession.End"/>); the scripts mirror them.
/// </summary>
public sealed class RedisSessionStore : ISessionStore
{
    private readonly IConnectionMultiplexer _redis;
    private readonly long _activeTtlMs;
    private readonly long _endedTtlMs;

    /// <param name="redis">The shared connection.</param>
    /// <param name="activeTtl">How long an active session lives after its start or latest append (default 24 h).</param>
    /// <param name="endedTtl">How long an ended session stays readable (default 1 h).</param>
    public RedisSessionStore(IConnectionMultiplexer redis, TimeSpan? activeTtl = null, TimeSpan? endedTtl = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        var (active, ended) = StoreGuards.SessionLifetimes(activeTtl, endedTtl);
        _redis = redis;
        _activeTtlMs = (long)Math.Ceiling(active.TotalMilliseconds);
        _endedTtlMs = (long)Math.Ceiling(ended.TotalMilliseconds);
    }

    public async Task<WorkoutSession> StartAsync(
        string userId, string? name, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var sessionId = StoreGuards.NewSessionId();
        RedisValue[] values = name is null
            ? [sessionId, FormatTime(startedAt), _activeTtlMs, _endedTtlMs]
            : [sessionId, FormatTime(startedAt), _activeTtlMs, _endedTtlMs, name];

        await Database.ScriptEvaluateAsync(
                RedisScripts.SessionStart,
                [RedisKeys.Session(userId, sessionId), RedisKeys.ActiveSession(userId)],
                values)
            .WaitAsync(cancellationToken);

        return new WorkoutSession(sessionId, userId, name, startedAt, SessionStatus.Active, []);
    }

    public async Task<WorkoutSession?> GetAsync(string userId, string sessionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (!StoreGuards.IsSessionId(sessionId))
        {
            return null;
        }

        var result = await Database.ScriptEvaluateAsync(
                RedisScripts.SessionGet,
                [RedisKeys.Session(userId, sessionId), RedisKeys.SessionEntries(userId, sessionId)])
            .WaitAsync(cancellationToken);
        return ReadSession(result, userId, sessionId);
    }

    public async Task<WorkoutSession?> GetActiveAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var sessionId = await Database.StringGetAsync(RedisKeys.ActiveSession(userId)).WaitAsync(cancellationToken);
        if (sessionId.IsNull)
        {
            return null;
        }

        // The session may have ended between the two reads; only an active one is the active session.
        var session = await GetAsync(userId, sessionId.ToString(), cancellationToken);
        return session?.Status == SessionStatus.Active ? session : null;
    }

    public async Task<WorkoutSession?> AppendAsync(
        string userId, string sessionId, IReadOnlyList<LoggedExercise> entries, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(entries);
        if (!StoreGuards.IsSessionId(sessionId))
        {
            return null;
        }

        var values = new RedisValue[entries.Count + 2];
        values[0] = sessionId;
        values[1] = _activeTtlMs;
        for (var i = 0; i < entries.Count; i++)
        {
            values[i + 2] = JsonSerializer.SerializeToUtf8Bytes(entries[i], StoreJsonContext.Default.LoggedExercise);
        }

        var result = await Database.ScriptEvaluateAsync(RedisScripts.SessionAppend, SessionKeys(userId, sessionId), values)
            .WaitAsync(cancellationToken);
        return ReadSession(result, userId, sessionId);
    }

    public async Task<WorkoutSession?> EndAsync(
        string userId,
        string sessionId,
        SessionStatus status,
        DateTimeOffset endedAt,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentOutOfRangeException.ThrowIfEqual(status, SessionStatus.Active);
        if (!StoreGuards.IsSessionId(sessionId))
        {
            return null;
        }

        var result = await Database.ScriptEvaluateAsync(
                RedisScripts.SessionEnd,
                SessionKeys(userId, sessionId),
                [sessionId, FormatStatus(status), FormatTime(endedAt), _endedTtlMs])
            .WaitAsync(cancellationToken);
        return ReadSession(result, userId, sessionId);
    }

    private IDatabase Database => _redis.GetDatabase();

    private static RedisKey[] SessionKeys(string userId, string sessionId) =>
    [
        RedisKeys.Session(userId, sessionId),
        RedisKeys.SessionEntries(userId, sessionId),
        RedisKeys.ActiveSession(userId),
    ];

    /// <summary>Reads the <c>{ HGETALL, LRANGE }</c> pair the session scripts return; nil means no such session.</summary>
    private static WorkoutSession? ReadSession(RedisResult result, string userId, string sessionId)
    {
        if (result.IsNull)
        {
            return null;
        }

        var parts = (RedisResult[])result!;
        var fields = (RedisResult[])parts[0]!;
        string? name = null;
        string? status = null;
        string? startedAt = null;
        string? endedAt = null;
        for (var i = 0; i + 1 < fields.Length; i += 2)
        {
            var value = (string?)fields[i + 1];
            switch ((string?)fields[i])
            {
                case "name":
                    name = value;
                    break;
                case "status":
                    status = value;
                    break;
                case "startedAt":
                    startedAt = value;
                    break;
                case "endedAt":
                    endedAt = value;
                    break;
                default:
                    break;
            }
        }

        var entries = (RedisResult[])parts[1]!;
        var exercises = new LoggedExercise[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            exercises[i] = JsonSerializer.Deserialize((byte[])entries[i]!, StoreJsonContext.Default.LoggedExercise)
                ?? throw new InvalidDataException($"Session {sessionId} holds an empty entry.");
        }

        if (status is null || startedAt is null)
        {
            throw new InvalidDataException($"Session {sessionId} is missing its status or start time.");
        }

        return new WorkoutSession(
            sessionId,
            userId,
            name,
            ParseTime(startedAt),
            Enum.Parse<SessionStatus>(status, ignoreCase: true),
            exercises)
        {
            EndedAt = endedAt is null ? null : ParseTime(endedAt),
        };
    }

    private static string FormatStatus(SessionStatus status) => status.ToString().ToLowerInvariant();

    private static string FormatTime(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string value) =>
        DateTimeOffset.ParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
