namespace FitCoach.Application.Common.Ports;

/// <summary>The metrics the application records; the adapter exports them (Prometheus).</summary>
public interface IAppMetrics
{
    void RequestHandled(string requestName, string outcome, TimeSpan elapsed);

    void CacheHit(string cache);

    void CacheMiss(string cache);

    void CacheError(string cache);

    void RateLimitDecision(string group, string tier, bool allowed);

    void RateLimiterFallback(string reason);

    void RagRetrieval(string knowledgeNamespace, string provider, TimeSpan elapsed);
}
