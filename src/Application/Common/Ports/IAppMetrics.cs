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

    /// <summary>
    /// A call to a language or embedding model: <paramref name="purpose"/> (e.g. <c>coach</c>, <c>voice</c>,
    /// <c>embedding</c>), the model id, and <c>ok</c>, <c>error</c> or <c>timeout</c>.
    /// </summary>
    void ModelCall(string purpose, string model, string outcome, TimeSpan elapsed);

    /// <summary>A model call that was not needed because a cache answered (<paramref name="reason"/>: <c>exact</c>, <c>semantic</c>).</summary>
    void ModelCallAvoided(string purpose, string reason);
}
