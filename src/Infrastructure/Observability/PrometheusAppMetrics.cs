using FitCoach.Application.Common.Ports;
using Prometheus;

namespace FitCoach.Infrastructure.Observability;

/// <summary>Exports the application's metrics in Prometheus format (served at <c>/metrics</c>).</summary>
public sealed class PrometheusAppMetrics : IAppMetrics
{
    private static readonly Histogram RequestDuration = Metrics.CreateHistogram(
        "fitcoach_request_duration_seconds",
        "Time spent in the MediatR pipeline per request type and outcome.",
        new HistogramConfiguration
        {
            LabelNames = ["request", "outcome"],
            Buckets = Histogram.ExponentialBuckets(0.0001, 2, 16),
        });

    private static readonly Counter CacheHits = Metrics.CreateCounter(
        "fitcoach_cache_hits_total", "Cache hits per cache.", "cache");

    private static readonly Counter CacheMisses = Metrics.CreateCounter(
        "fitcoach_cache_misses_total", "Cache misses per cache.", "cache");

    private static readonly Counter CacheErrors = Metrics.CreateCounter(
        "fitcoach_cache_errors_total", "Cache failures that fell back to computing the answer.", "cache");

    private static readonly Counter RateLimitDecisions = Metrics.CreateCounter(
        "fitcoach_ratelimit_decisions_total", "Rate-limit decisions per group, tier and decision.", "group", "tier", "decision");

    private static readonly Counter RateLimitFallbacks = Metrics.CreateCounter(
        "fitcoach_ratelimit_fallback_total", "Checks answered by the in-process limiter because Redis failed.", "reason");

    private static readonly Histogram RagDuration = Metrics.CreateHistogram(
        "fitcoach_rag_retrieval_seconds",
        "Knowledge retrieval latency per namespace and provider.",
        new HistogramConfiguration
        {
            LabelNames = ["namespace", "provider"],
            Buckets = Histogram.ExponentialBuckets(0.00005, 2, 16),
        });

    private static readonly Histogram ModelCalls = Metrics.CreateHistogram(
        "fitcoach_model_calls_seconds",
        "Model calls made (count and latency) per purpose, model and outcome.",
        new HistogramConfiguration
        {
            LabelNames = ["purpose", "model", "outcome"],
            Buckets = Histogram.ExponentialBuckets(0.005, 2, 14),
        });

    private static readonly Counter ModelCallsAvoided = Metrics.CreateCounter(
        "fitcoach_model_calls_avoided_total", "Model calls not made because a cached answer served the request.", "purpose", "reason");

    public void RequestHandled(string requestName, string outcome, TimeSpan elapsed) =>
        RequestDuration.WithLabels(requestName, outcome).Observe(elapsed.TotalSeconds);

    public void CacheHit(string cache) => CacheHits.WithLabels(cache).Inc();

    public void CacheMiss(string cache) => CacheMisses.WithLabels(cache).Inc();

    public void CacheError(string cache) => CacheErrors.WithLabels(cache).Inc();

    public void RateLimitDecision(string group, string tier, bool allowed) =>
        RateLimitDecisions.WithLabels(group, tier, allowed ? "allowed" : "rejected").Inc();

    public void RateLimiterFallback(string reason) => RateLimitFallbacks.WithLabels(reason).Inc();

    public void RagRetrieval(string knowledgeNamespace, string provider, TimeSpan elapsed) =>
        RagDuration.WithLabels(knowledgeNamespace, provider).Observe(elapsed.TotalSeconds);

    public void ModelCall(string purpose, string model, string outcome, TimeSpan elapsed) =>
        ModelCalls.WithLabels(purpose, model, outcome).Observe(elapsed.TotalSeconds);

    public void ModelCallAvoided(string purpose, string reason) => ModelCallsAvoided.WithLabels(purpose, reason).Inc();
}
