using System.Collections.Concurrent;
using FitCoach.Application.Common.Ports;

namespace FitCoach.Infrastructure.IntegrationTests.Support;

/// <summary>
/// Records rate-limiter fallbacks, retrievals and model calls; the other metrics are not what these tests observe. With
/// <paramref name="failOnFallback"/> a fallback throws instead, for tests whose answers must come from Redis.
/// </summary>
public sealed class RecordingMetrics(bool failOnFallback = false) : IAppMetrics
{
    private readonly ConcurrentQueue<string> _fallbacks = new();

    private readonly ConcurrentQueue<(string Namespace, string Provider)> _retrievals = new();
    private readonly ConcurrentQueue<(string Purpose, string Model, string Outcome)> _modelCalls = new();
    private readonly ConcurrentQueue<(string Purpose, string Reason)> _avoided = new();

    public IReadOnlyCollection<string> Fallbacks => _fallbacks;

    public IReadOnlyCollection<(string Namespace, string Provider)> Retrievals => _retrievals;

    public IReadOnlyCollection<(string Purpose, string Model, string Outcome)> ModelCalls => _modelCalls;

    public IReadOnlyCollection<(string Purpose, string Reason)> Avoided => _avoided;

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

    public void RagRetrieval(string knowledgeNamespace, string provider, TimeSpan elapsed) =>
        _retrievals.Enqueue((knowledgeNamespace, provider));

    public void ModelCall(string purpose, string model, string outcome, TimeSpan elapsed) =>
        _modelCalls.Enqueue((purpose, model, outcome));

    public void ModelCallAvoided(string purpose, string reason) => _avoided.Enqueue((purpose, reason));
}
