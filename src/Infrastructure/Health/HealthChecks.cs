using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.Embeddings;
using FitCoach.Infrastructure.Knowledge;
using FitCoach.Infrastructure.Knowledge.Hybrid;
using FitCoach.Infrastructure.Knowledge.Upstash;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace FitCoach.Infrastructure.Health;

/// <summary>
/// Redis is optional for reads (everything degrades to in-process or to the handler), so an unreachable Redis is
/// Degraded, not Unhealthy.
/// </summary>
public sealed class RedisHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var multiplexer = services.GetService<IConnectionMultiplexer>();
        if (multiplexer is null)
        {
            return HealthCheckResult.Healthy("Not configured: sessions, cache, rate limits and leaderboards are in-process.");
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            var latency = await multiplexer.GetDatabase().PingAsync().WaitAsync(timeout.Token);
            return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:0.0} ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or OperationCanceledException)
        {
            return HealthCheckResult.Degraded(
                "Redis unreachable: reads are served from memory and the handlers; writes that need Redis answer 503.", ex);
        }
    }
}

/// <summary>
/// The knowledge index: Healthy with its provider and document count; Degraded while Upstash is configured but failing,
/// because searches are then answered from the local index (same corpus, no outage, possibly weaker ranking). The
/// check reads the fallback's state rather than calling Upstash, so it costs nothing and reports what requests see.
/// </summary>
public sealed class KnowledgeHealthCheck(IKnowledgeSearch search, IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["provider"] = search.Provider, ["documents"] = search.DocumentCount };
        var vectors = "";
        if (services.GetService<DocumentVectorIndex>() is { } index)
        {
            // Embeddings configured: BM25 answers alone until the vector index is complete, which is normal at startup.
            data["vectorIndex"] = index.State.ToString();
            data["vectorsEmbedded"] = index.EmbeddedCount;
            vectors = index.State == VectorIndexState.Ready
                ? "; vector index ready"
                : $"; vector index {index.State.ToString().ToLowerInvariant()} ({index.EmbeddedCount}/{search.DocumentCount}), BM25 alone until then";
        }

        if (search is FallbackKnowledgeSearch fallback && fallback.State is { IsDegraded: true } state)
        {
            data["lastError"] = state.LastError ?? "";
            if (state.RetryAt is { } retryAt)
            {
                data["retryAt"] = retryAt;
            }

            var local = fallback.FallbackProvider == EmbeddedKnowledgeIndex.ProviderName ? "" : $" ({fallback.FallbackProvider})";
            return Task.FromResult(HealthCheckResult.Degraded(
                $"Upstash unreachable: answering from the embedded index{local}.", state.LastException, data));
        }

        return Task.FromResult(HealthCheckResult.Healthy($"{search.Provider}: {search.DocumentCount} documents{vectors}", data));
    }
}

/// <summary>Reports which model answers; no model is a supported configuration (every feature has an offline path).</summary>
public sealed class ModelHealthCheck(IWorkoutTranscriptModel model) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(model.IsConfigured
            ? HealthCheckResult.Healthy($"model {model.ModelId} writes coach answers and is the voice-logging fallback; the offline composer answers if it fails.")
            : HealthCheckResult.Healthy("offline: no language model configured; the rules and retrieval answer alone."));
}

/// <summary>
/// Which embedding provider and model serve retrieval and the answer cache's semantic matching. The local model is
/// Degraded while it loads (the first second or two after start) and if it failed to load: requests are answered all
/// the same, on words alone (BM25, exact questions), so it is never Unhealthy.
/// </summary>
public sealed class EmbeddingsHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var embedder = services.GetService<IBatchTextEmbedder>();
        var data = new Dictionary<string, object>
        {
            ["provider"] = embedder switch
            {
                LocalTextEmbedder => EmbeddingProviders.Local,
                OpenAITextEmbedder => EmbeddingProviders.OpenAI,
                _ => EmbeddingProviders.None,
            },
            ["model"] = embedder?.ModelId ?? "none",
        };
        var corpus = "";
        if (services.GetService<DocumentVectorIndex>() is { } index)
        {
            data["corpusVectors"] = index.State.ToString();
            corpus = index.LastBuild is { } build
                ? $"; corpus vectors ready ({build.Reused} from the vector file, {build.Embedded} computed)"
                : $"; corpus vectors {index.State.ToString().ToLowerInvariant()} ({index.EmbeddedCount}/{index.DocumentCount})";
        }

        switch (embedder)
        {
            case null:
                return Task.FromResult(HealthCheckResult.Healthy(
                    "none: no embedding model (Embeddings:Provider none); retrieval is BM25 alone and the answer cache matches exact questions.", data));
            case LocalTextEmbedder local:
                var model = local.Model;
                data["state"] = model.State.ToString();
                if (model.State == LocalModelState.Ready)
                {
                    data["loadSeconds"] = Math.Round(model.LoadTime?.TotalSeconds ?? 0, 2);
                    return Task.FromResult(HealthCheckResult.Healthy(
                        $"local {local.ModelId} ({LocalSentenceModel.Dimensions} dimensions, in process), loaded in {model.LoadTime?.TotalSeconds:0.0} s{corpus}", data));
                }

                return Task.FromResult(model.State == LocalModelState.Failed
                    ? HealthCheckResult.Degraded($"local {local.ModelId} failed to load: retrieval is BM25 alone and the answer cache matches exact questions.", model.LoadError, data)
                    : HealthCheckResult.Degraded($"local {local.ModelId} is loading: BM25 alone until it is ready{corpus}.", data: data));
            default:
                return Task.FromResult(HealthCheckResult.Healthy($"openai-compatible endpoint, model {embedder.ModelId}{corpus}", data));
        }
    }
}
