using FitCoach.Application.Common.Ports;

namespace FitCoach.Benchmarks;

/// <summary>The benchmarks measure the code under test, not a metrics exporter.</summary>
internal sealed class NoMetrics : IAppMetrics
{
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

    public void RateLimiterFallback(string reason)
    {
    }

    public void RagRetrieval(string knowledgeNamespace, string provider, TimeSpan elapsed)
    {
    }

    public void ModelCall(string purpose, string model, string outcome, TimeSpan elapsed)
    {
    }

    public void ModelCallAvoided(string purpose, string reason)
    {
    }
}
