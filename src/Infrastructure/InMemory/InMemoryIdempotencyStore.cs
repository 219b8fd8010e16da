using FitCoach.Application.Common.Time;
using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.Redis;
using Microsoft.Extensions.Caching.Memory;

namespace FitCoach.Infrastructure.InMemory;

/// <summary>
/// Idempotency-Key records held in this process, with the semantics of <see cref="RedisIdempotencyStore"/>. At most
/// <see cref="Capacity"/> keys are held; past that the oldest claims are evicted first, which at worst lets a very
/// late retry run its request again (the Redis store, shared by every instance, keeps every key for its lifetime).
/// </summary>
public sealed class InMemoryIdempotencyStore : IIdempotencyStore, IDisposable
{
    public const int Capacity = 50_000;

    private readonly MemoryCache _records;
    private readonly Lock _claim = new();

    public InMemoryIdempotencyStore(TimeProvider time, int capacity = Capacity)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _records = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = capacity,
            CompactionPercentage = 0.1,
            Clock = new TimeProviderClock(time),
        });
    }

    /// <summary>How many keys are held now.</summary>
    public int Count => _records.Count;

    public Task<IdempotencyRecord?> TryClaimAsync(
        string userId, string key, string requestFingerprint, TimeSpan lockFor, CancellationToken cancellationToken)
    {
        StoreGuards.Ttl(lockFor, nameof(lockFor));
        lock (_claim)
        {
            if (_records.TryGetValue(Key(userId, key), out IdempotencyRecord? existing))
            {
                return Task.FromResult(existing);
            }

            Set(userId, key, new IdempotencyRecord(requestFingerprint, null), lockFor);
            return Task.FromResult<IdempotencyRecord?>(null);
        }
    }

    public Task CompleteAsync(
        string userId, string key, string requestFingerprint, IdempotentResponse response, TimeSpan keepFor, CancellationToken cancellationToken)
    {
        StoreGuards.Ttl(keepFor, nameof(keepFor));
        lock (_claim)
        {
            Set(userId, key, new IdempotencyRecord(requestFingerprint, response), keepFor);
        }

        return Task.CompletedTask;
    }

    public Task ReleaseAsync(string userId, string key, CancellationToken cancellationToken)
    {
        lock (_claim)
        {
            if (_records.TryGetValue(Key(userId, key), out IdempotencyRecord? existing) && existing!.Response is null)
            {
                _records.Remove(Key(userId, key));
            }
        }

        return Task.CompletedTask;
    }

    public void Dispose() => _records.Dispose();

    private void Set(string userId, string key, IdempotencyRecord record, TimeSpan lifetime) =>
        _records.Set(Key(userId, key), record, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = lifetime });

    private static (string, string) Key(string userId, string key) => (userId, key);
}
