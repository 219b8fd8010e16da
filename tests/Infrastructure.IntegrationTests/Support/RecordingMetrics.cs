using System.Collections.Concurrent;
using FitCoach.Application.Common.Ports;

namespace FitCoach.Infrastructure.IntegrationTests.Support;

/// <summary>
/// Records the rate-limiter fallbacks; the other metrics are not what these tests observe. With
/// <paramref name="failOnFallback"/> a fallback throws instead, for tests whose answers must come from Redis.
/// </summary>
public sealed class RecordingMetrics(bool failOnFallback = false) : IAppMetrics
{
    private readonly ConcurrentQueue<string> _fallbacks = new();

    public IReadOnlyCollection<string> Fallbacks => _fallbacks;

    public void RateLimiterFallback(string reason)
    {
        if (failOnFallback)
        {
            throw new InvalidOperationException($"The rate limiter fell back to in-process checks ({reason}).");
        }

        _fallbacks.Enqueue(reason);
    }

    public void RequestHandled(string requestName, string outcome, TimeSpan elapsed)
    {
    }

    public void CacheHit(string cache)
    {
    }

    public void CacheMiss(string cache)
    {
    }

    public void CacheError(string cache)
    {
    }

    public void RateLimitDecision(string group, string tier, bool allowed)
    {
    }

    public void RagRetrieval(string knowledgeNamespace, string provider, TimeSpan elapsed)
    {
    }
}
