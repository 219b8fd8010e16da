using System.Text;
using StackExchange.Redis;

namespace FitCoach.Infrastructure.Redis;

/// <summary>
/// The one place Redis key names are built. The part in braces is a Redis Cluster hash tag, so every key of one user
/// (or one rate-limit key, or one board) hashes to the same slot and a script may touch them together.
/// </summary>
public static class RedisKeys
{
    private const string Prefix = "fitcoach:";

    /// <summary>The hash holding a session's status and timestamps.</summary>
    public static RedisKey Session(string userId, string sessionId) => $"{UserTag(userId)}:session:{sessionId}";

    /// <summary>The list holding a session's logged exercises, one JSON document per element.</summary>
    public static RedisKey SessionEntries(string userId, string sessionId) =>
        $"{UserTag(userId)}:session:{sessionId}:entries";

    /// <summary>The string holding the id of the user's active session.</summary>
    public static RedisKey ActiveSession(string userId) => $"{UserTag(userId)}:session:active";

    /// <summary>The hash of the user's custom exercises (field = exercise id, value = JSON).</summary>
    public static RedisKey CustomExercises(string userId) => $"{UserTag(userId)}:exercises";

    /// <summary>The JSON string of the user's profile.</summary>
    public static RedisKey Profile(string userId) => $"{UserTag(userId)}:profile";

    /// <summary>The hash of the user's workouts (field = workout id, value = JSON).</summary>
    public static RedisKey Workouts(string userId) => $"{UserTag(userId)}:workouts";

    /// <summary>The sorted set of the user's workout ids scored by when they were performed (Unix ms).</summary>
    public static RedisKey WorkoutsByTime(string userId) => $"{UserTag(userId)}:workouts:by-time";

    /// <summary>The hash of the user's training summary (bests, period totals, streak), kept by the workout script.</summary>
    public static RedisKey TrainingSummary(string userId) => $"{UserTag(userId)}:summary";

    /// <summary>The list of one coach conversation's turns (JSON), oldest first.</summary>
    public static RedisKey Conversation(string userId, string conversationId) =>
        $"{UserTag(userId)}:conversation:{Escape(conversationId)}";

    /// <summary>The hash of one <c>Idempotency-Key</c> of the user (the claim, then the response kept for replay).</summary>
    public static RedisKey Idempotency(string userId, string key) => $"{UserTag(userId)}:idempotency:{Escape(key)}";

    /// <summary>
    /// The sorted-set log of one rate-limit key ("user id:group"), escaped like a user id so a '}' in the id cannot end
    /// the hash tag early and put different users' limits under one tag.
    /// </summary>
    public static RedisKey RateLimit(string key) => $"{Prefix}{{rl:{Escape(key)}}}";

    /// <summary>The sorted set of one leaderboard.</summary>
    public static RedisKey Leaderboard(string board) => $"{Prefix}{{lb:{board}}}";

    /// <summary>
    /// The one hash of the names shown on the boards (field = a user's pseudonym, value = the name): a single key, so
    /// a board page's names are one <c>HMGET</c> on any Redis Cluster node that holds its slot.
    /// </summary>
    public static RedisKey LeaderboardDisplayNames => $"{Prefix}{{lb}}:display-names";

    // A user id is embedded inside the hash tag and followed by more key segments, so a '}' in it would end the tag
    // early and let "a}:exercises" and "a" share key names. Escaping the brace characters (and the escape character
    // itself) keeps the mapping from user id to key one-to-one; ordinary ids are left untouched.
    private static string UserTag(string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return $"{Prefix}{{user:{Escape(userId)}}}";
    }

    private static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny('%', '{', '}') < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            _ = c switch
            {
                '%' => builder.Append("%25"),
                '{' => builder.Append("%7B"),
                '}' => builder.Append("%7D"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }
}
