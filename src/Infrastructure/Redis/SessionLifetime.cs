using FitCoach.Domain.Workouts;

namespace FitCoach.Infrastructure.Redis;

/// <summary>
/// How long the session stores keep a session, shared by the Redis store and its in-process twin.
/// </summary>
/// <remarks>
/// A session that is still active lives for <see cref="DefaultActiveTtl"/> after its start or its latest append: a
/// workout left open on a phone is abandoned after a day without sets, and the user's active-session pointer goes
/// with it. Ending a session shortens its life to <see cref="DefaultEndedTtl"/>: long enough for the other devices
/// to see the final state and for a retried End to stay idempotent, short because the live store is not the workout
/// history.
/// </remarks>
internal static class SessionLifetime
{
    public static readonly TimeSpan DefaultActiveTtl = TimeSpan.FromHours(24);
    public static readonly TimeSpan DefaultEndedTtl = TimeSpan.FromHours(1);

    public static (TimeSpan Active, TimeSpan Ended) Resolve(TimeSpan? activeTtl, TimeSpan? endedTtl)
    {
        var active = activeTtl ?? DefaultActiveTtl;
        var ended = endedTtl ?? DefaultEndedTtl;
        StoreGuards.Ttl(active, nameof(activeTtl));
        StoreGuards.Ttl(ended, nameof(endedTtl));
        return (active, ended);
    }

    public static void EnsureEndStatus(SessionStatus status)
    {
        if (status is not (SessionStatus.Finished or SessionStatus.Discarded))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A session ends as finished or discarded.");
        }
    }
}
