using System.Security.Cryptography;
using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.InMemory;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace FitCoach.Infrastructure.Redis;

/// <summary>
/// An exact sliding-window log shared by every API instance: one sorted set per key, checked and counted by one Lua
/// script (<c>Scripts/rate_limit.lua</c>) in one round trip, timed by the Redis server's clock so instances with
/// skewed clocks still agree.
/// </summary>
/// <remarks>
/// It fails open: a rate limiter must not take the API down with Redis. When Redis is disconnected or a call throws,
/// the check is answered by an in-process <see cref="InMemoryRateLimiter"/> (each instance then enforces the limit
/// on its own), <see cref="IAppMetrics.RateLimiterFallback"/> is recorded and a warning is logged at most once a
/// minute. After a failure Redis is skipped for <c>breakDuration</c>, then a single request probes it while the
/// others stay in-process, so an outage does not add a timeout to every request.
/// </remarks>
public sealed class RedisRateLimiter : IRateLimiter
{
    private static readonly TimeSpan DefaultBreakDuration = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan WarningInterval = TimeSpan.FromMinutes(1);

    private readonly IConnectionMultiplexer _redis;
    private readonly IAppMetrics _metrics;
    private readonly ILogger<RedisRateLimiter> _logger;
    private readonly TimeProvider _time;
    private readonly InMemoryRateLimiter _fallback;
    private readonly TimeSpan _breakDuration;

    // Shared by concurrent checks, hence Interlocked/Volatile. The two longs are TimeProvider timestamps, 0 for none.
    private long _skipRedisUntil;
    private long _nextWarningAt;
    private int _probing;
    private int _degraded;
    private int _suppressedWarnings;

    public RedisRateLimiter(
        IConnectionMultiplexer redis,
        IAppMetrics metrics,
        ILogger<RedisRateLimiter> logger,
        TimeSpan? breakDuration = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        _breakDuration = breakDuration ?? DefaultBreakDuration;
        ArgumentOutOfRangeException.ThrowIfLessThan(_breakDuration, TimeSpan.Zero, nameof(breakDuration));

        _redis = redis;
        _metrics = metrics;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
        _fallback = new InMemoryRateLimiter(_time);
    }

    public async ValueTask<RateLimitDecision> CheckAsync(
        string key, RateLimitPolicy policy, CancellationToken cancellationToken)
    {
        StoreGuards.RateLimit(key, policy);

        if (!_redis.IsConnected)
        {
            return await FallBackAsync("disconnected", exception: null, key, policy, cancellationToken);
        }

        if (!TryEnterRedis(out var probe))
        {
            return await FallBackAsync("circuit_open", exception: null, key, policy, cancellationToken);
        }

        try
        {
            var decision = await EvaluateAsync(key, policy).WaitAsync(cancellationToken);
            Recovered();
            return decision;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            Interlocked.Exchange(ref _skipRedisUntil, _time.GetTimestamp() + ToTimestamps(_breakDuration));
            var reason = exception is TimeoutException ? "timeout" : "redis_error";
            return await FallBackAsync(reason, exception, key, policy, cancellationToken);
        }
        finally
        {
            // Released however the probe ends, a cancelled request included, or Redis would never be tried again.
            if (probe)
            {
                Volatile.Write(ref _probing, 0);
            }
        }
    }

    private async Task<RateLimitDecision> EvaluateAsync(string key, RateLimitPolicy policy)
    {
        // Server time is in microseconds; a random suffix keeps concurrent requests in the same microsecond apart.
        var suffix = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var result = await _redis.GetDatabase().ScriptEvaluateAsync(
            RedisScripts.RateLimit,
            [RedisKeys.RateLimit(key)],
            [policy.Limit, (long)policy.Window.TotalMicroseconds, suffix]);

        var values = (RedisResult[])result!;
        var allowed = (long)values[0] == 1;
        var count = (long)values[1];
        return new RateLimitDecision(
            allowed,
            policy.Limit,
            (int)Math.Max(0, policy.Limit - count),
            Clamp((long)values[3], policy.Window),
            Clamp((long)values[2], policy.Window));
    }

    // The values are differences of server times; a server clock stepping backwards could push them outside [0, window].
    private static TimeSpan Clamp(long microseconds, TimeSpan window) =>
        TimeSpan.FromMicroseconds(Math.Clamp(microseconds, 0, (long)window.TotalMicroseconds));

    private ValueTask<RateLimitDecision> FallBackAsync(
        string reason, Exception? exception, string key, RateLimitPolicy policy, CancellationToken cancellationToken)
    {
        _metrics.RateLimiterFallback(reason);
        Volatile.Write(ref _degraded, 1);
        WarnAtMostOncePerInterval(reason, exception);
        return _fallback.CheckAsync(key, policy, cancellationToken);
    }

    /// <summary>
    /// True when this request may call Redis: always while no failure is recent; once the pause after a failure is
    /// over, only for the one request that wins the probe (<paramref name="probe"/>), which must release it.
    /// </summary>
    private bool TryEnterRedis(out bool probe)
    {
        probe = false;
        var skipUntil = Interlocked.Read(ref _skipRedisUntil);
        if (skipUntil == 0)
        {
            return true;
        }

        if (_time.GetTimestamp() < skipUntil)
        {
            return false;
        }

        probe = Interlocked.CompareExchange(ref _probing, 1, 0) == 0;
        return probe;
    }

    private void Recovered()
    {
        Interlocked.Exchange(ref _skipRedisUntil, 0);
        if (Interlocked.Exchange(ref _degraded, 0) == 1)
        {
            _logger.LogInformation("Redis answers rate-limit checks again; the in-process fallback is no longer used.");
        }
    }

    // An outage would otherwise log one line per request; the count of the checks in between goes into the next line.
    private void WarnAtMostOncePerInterval(string reason, Exception? exception)
    {
        var now = _time.GetTimestamp();
        var due = Interlocked.Read(ref _nextWarningAt);
        if (now < due
            || Interlocked.CompareExchange(ref _nextWarningAt, now + ToTimestamps(WarningInterval), due) != due)
        {
            Interlocked.Increment(ref _suppressedWarnings);
            return;
        }

        _logger.LogWarning(
            exception,
            "Redis could not answer a rate-limit check ({Reason}); checks run in-process, per instance, until it "
            + "answers again. {InProcessChecks} more in-process checks since the previous warning.",
            reason,
            Interlocked.Exchange(ref _suppressedWarnings, 0));
    }

    private long ToTimestamps(TimeSpan duration) => (long)(duration.TotalSeconds * _time.TimestampFrequency);
}
