using FitCoach.Application.Common.Ports;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace FitCoach.Infrastructure.Caching;

/// <summary>
/// Wraps the Redis tier of the cache so an outage is a miss, never an error: failures are counted, logged once
/// per outage, and Redis is skipped for <see cref="BreakFor"/> after one so requests don't each wait for a timeout.
/// The in-process tier keeps serving meanwhile.
/// </summary>
public sealed class ResilientDistributedCache(
    IDistributedCache inner,
    IAppMetrics metrics,
    ILogger<ResilientDistributedCache> logger,
    TimeProvider? timeProvider = null) : IDistributedCache
{
    public static readonly TimeSpan BreakFor = TimeSpan.FromSeconds(5);

    private const string MetricName = "redis-l2";
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private long _brokenUntilTicks;
    private int _outageLogged;

    public byte[]? Get(string key) => Guard(() => inner.Get(key), null);

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) =>
        GuardAsync(async () => await inner.GetAsync(key, token), null);

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) =>
        Guard(() => { inner.Set(key, value, options); return true; }, false);

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        GuardAsync(async () => { await inner.SetAsync(key, value, options, token); return true; }, false);

    public void Refresh(string key) => Guard(() => { inner.Refresh(key); return true; }, false);

    public Task RefreshAsync(string key, CancellationToken token = default) =>
        GuardAsync(async () => { await inner.RefreshAsync(key, token); return true; }, false);

    public void Remove(string key) => Guard(() => { inner.Remove(key); return true; }, false);

    public Task RemoveAsync(string key, CancellationToken token = default) =>
        GuardAsync(async () => { await inner.RemoveAsync(key, token); return true; }, false);

    private bool Broken => _time.GetUtcNow().UtcTicks < Interlocked.Read(ref _brokenUntilTicks);

    private T Guard<T>(Func<T> action, T fallback)
    {
        if (Broken)
        {
            return fallback;
        }

        try
        {
            var result = action();
            Recovered();
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Failed(ex);
            return fallback;
        }
    }

    private async Task<T> GuardAsync<T>(Func<Task<T>> action, T fallback)
    {
        if (Broken)
        {
            return fallback;
        }

        try
        {
            var result = await action();
            Recovered();
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Failed(ex);
            return fallback;
        }
    }

    private void Failed(Exception ex)
    {
        metrics.CacheError(MetricName);
        Interlocked.Exchange(ref _brokenUntilTicks, (_time.GetUtcNow() + BreakFor).UtcTicks);
        if (Interlocked.Exchange(ref _outageLogged, 1) == 0)
        {
            logger.LogWarning(ex, "Redis cache tier unavailable; serving from memory and retrying every {Seconds} s", BreakFor.TotalSeconds);
        }
    }

    private void Recovered()
    {
        if (Interlocked.Exchange(ref _outageLogged, 0) == 1)
        {
            logger.LogInformation("Redis cache tier is back");
        }
    }
}
