namespace FitCoach.Application.Common.Ports;

/// <summary>A limit of <see cref="Limit"/> requests in any rolling <see cref="Window"/>.</summary>
public sealed record RateLimitPolicy(string Name, int Limit, TimeSpan Window);

/// <summary>
/// The outcome of one check. <see cref="ResetAfter"/> is when a full quota is available again;
/// <see cref="RetryAfter"/> is zero when allowed, else how long until the next request would be allowed.
/// </summary>
public sealed record RateLimitDecision(
    bool Allowed,
    int Limit,
    int Remaining,
    TimeSpan ResetAfter,
    TimeSpan RetryAfter);

/// <summary>
/// Counts one request against <paramref name="key"/> under <paramref name="policy"/>. Implementations shared by
/// several API instances must make the check-and-count atomic and cost one round trip.
/// </summary>
public interface IRateLimiter
{
    ValueTask<RateLimitDecision> CheckAsync(string key, RateLimitPolicy policy, CancellationToken cancellationToken);
}
