using FitCoach.Application.Common.Ports;
using StackExchange.Redis;

namespace FitCoach.Infrastructure.Redis;

/// <summary>
/// Idempotency-Key records in Redis: one hash per user and key (<see cref="RedisKeys.Idempotency"/>), claimed by one
/// script (so two instances racing on the same key cannot both run the request) and kept with an expiry.
/// </summary>
public sealed class RedisIdempotencyStore(IConnectionMultiplexer redis) : IIdempotencyStore
{
    public async Task<IdempotencyRecord?> TryClaimAsync(
        string userId, string key, string requestFingerprint, TimeSpan lockFor, CancellationToken cancellationToken)
    {
        StoreGuards.Ttl(lockFor, nameof(lockFor));
        var result = await redis.GetDatabase().ScriptEvaluateAsync(
                RedisScripts.IdempotencyClaim,
                [RedisKeys.Idempotency(userId, key)],
                [requestFingerprint, (long)Math.Ceiling(lockFor.TotalMilliseconds)])
            .WaitAsync(cancellationToken);
        if (result.IsNull)
        {
            return null;
        }

        var fields = (RedisResult[])result!;
        var fingerprint = (string?)fields[0] ?? string.Empty;
        return (string?)fields[1] != "done"
            ? new IdempotencyRecord(fingerprint, null)
            : new IdempotencyRecord(
                fingerprint,
                new IdempotentResponse((int)fields[2], (string?)fields[3], (string?)fields[4], (byte[]?)fields[5] ?? []));
    }

    public async Task CompleteAsync(
        string userId, string key, string requestFingerprint, IdempotentResponse response, TimeSpan keepFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        StoreGuards.Ttl(keepFor, nameof(keepFor));
        var redisKey = RedisKeys.Idempotency(userId, key);
        var transaction = redis.GetDatabase().CreateTransaction();
        _ = transaction.HashSetAsync(redisKey,
        [
            new("fingerprint", requestFingerprint),
            new("state", "done"),
            new("status", response.StatusCode),
            new("contentType", response.ContentType ?? string.Empty),
            new("location", response.Location ?? string.Empty),
            new("body", response.Body),
        ]);
        _ = transaction.KeyExpireAsync(redisKey, keepFor);
        await transaction.ExecuteAsync().WaitAsync(cancellationToken);
    }

    public Task ReleaseAsync(string userId, string key, CancellationToken cancellationToken) =>
        redis.GetDatabase().ScriptEvaluateAsync(RedisScripts.IdempotencyRelease, [RedisKeys.Idempotency(userId, key)]).WaitAsync(cancellationToken);
}
