using System.Collections.Concurrent;
using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.Redis;

namespace FitCoach.Infrastructure.InMemory;

/// <summary>
/// The embedded rate limiter: the same exact sliding-window log as <see cref="RedisRateLimiter"/>, kept in this
/// process. An entry logged at time t counts against requests made before t + window; a request is admitted while
/// fewer than the limit count. It serves a single instance, and a Redis-backed instance falls back to it when
/// Redis cannot answer.
/// </summary>
public sealed class InMemoryRateLimiter : IRateLimiter
{
    /// <summary>How often keys whose whole log has left the window are dropped, so memory follows active keys.</summary>
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, KeyLog> _logs = new(StringComparer.Ordinal);
    private readonly SweepClock _clock;

    public InMemoryRateLimiter(TimeProvider? timeProvider = null)
    {
        _clock = new SweepClock(timeProvider, SweepInterval);
    }

    /// <summary>The number of keys currently held; stale keys are evicted at most every 30 seconds.</summary>
    public int TrackedKeyCount => _logs.Count;

    public ValueTask<RateLimitDecision> CheckAsync(string key, RateLimitPolicy policy, CancellationToken cancellationToken)
    {
        StoreGuards.RateLimit(key, policy);
        cancellationToken.ThrowIfCancellationRequested();
        if (_clock.TryStartSweep())
        {
            Sweep();
        }

        while (true)
        {
            var log = _logs.GetOrAdd(key, static _ => new KeyLog());
            lock (log)
            {
                // A sweep may have dropped this log between the lookup and the lock; counting into it would lose
                // the request, so look the key up again.
                if (!log.Evicted)
                {
                    return ValueTask.FromResult(log.Check(_clock.Now, policy));
                }
            }
        }
    }

    private void Sweep()
    {
        foreach (var (key, log) in _logs)
        {
            lock (log)
            {
                if (log.IsStale(_clock.Now))
                {
                    log.Evicted = true;
                    _logs.TryRemove(new KeyValuePair<string, KeyLog>(key, log));
                }
            }
        }
    }

    /// <summary>One key's log: the times (ticks since start) of the requests admitted in the window, oldest first.</summary>
    private sealed class KeyLog
    {
        private readonly List<long> _admitted = [];
        private long _window;

        public bool Evicted { get; set; }

        /// <remarks>Called under the lock with <paramref name="now"/> read under it, so times are appended in order.</remarks>
        public RateLimitDecision Check(long now, RateLimitPolicy policy)
        {
            var limit = policy.Limit;
            _window = policy.Window.Ticks;

            var expired = 0;
            while (expired < _admitted.Count && _admitted[expired] <= now - _window)
            {
                expired++;
            }

            _admitted.RemoveRange(0, expired);

            var allowed = _admitted.Count < limit;
            if (allowed)
            {
                _admitted.Add(now);
            }

            var count = _admitted.Count;

            // As in the Redis script: the next request fits once the entry at (count - limit) leaves the window,
            // and the full quota is back once the newest one has.
            var retry = allowed ? 0 : _admitted[count - limit] + _window - now;
            var reset = _admitted[^1] + _window - now;
            return new RateLimitDecision(
                allowed, limit, Math.Max(0, limit - count), TimeSpan.FromTicks(reset), TimeSpan.FromTicks(retry));
        }

        public bool IsStale(long now) => _admitted.Count == 0 || _admitted[^1] <= now - _window;
    }
}
