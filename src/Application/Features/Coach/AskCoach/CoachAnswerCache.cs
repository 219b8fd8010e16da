using System.Security.Cryptography;
using System.Text;
using FitCoach.Application.Common.Ports;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;

namespace FitCoach.Application.Features.Coach.AskCoach;

/// <summary>
/// Caches coach answers for 24 hours by (normalised question, user-context fingerprint, model). The normalised
/// question is the retrieval analyzer's sorted stems and synonym groups, so rewordings, plurals, filler words and
/// abbreviations ("DOMS" / "muscle soreness") share an entry. With an embedding model configured, a question whose
/// embedding is within <see cref="SemanticThreshold"/> cosine of a cached one with the same fingerprint also hits.
/// Degraded answers (the model failed) are never stored.
/// </summary>
public sealed class CoachAnswerCache(
    HybridCache cache,
    ITextNormalizer normalizer,
    IAppMetrics metrics,
    ILogger<CoachAnswerCache> logger,
    ITextEmbedder embedder,
    int semanticCapacity = CoachAnswerCache.MaxSemanticVectors,
    int questionCapacity = CoachAnswerCache.MaxRememberedQuestions) : IDisposable
{
    public const string CacheName = "coach-answer";

    public const double SemanticThreshold = 0.92;

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>Questions remembered per (user facts, model) partition for semantic matching, newest kept.</summary>
    internal const int SemanticEntriesPerPartition = 64;

    /// <summary>
    /// Question vectors remembered over all partitions (a partition counts its vectors); past it the least recently
    /// used partitions go first, and an idle one goes after the answers' own lifetime. ~30 MB at 384 dimensions.
    /// </summary>
    internal const int MaxSemanticVectors = 20_000;

    /// <summary>
    /// Recently asked questions whose normalised digest is remembered (question text → digest), so a question asked
    /// again (the common case the answer cache exists for) is not analysed and hashed again; least recently used out
    /// first, and questions longer than <see cref="MaxRememberedQuestionLength"/> are not remembered.
    /// </summary>
    internal const int MaxRememberedQuestions = 10_000;

    internal const int MaxRememberedQuestionLength = 300;

    private static readonly HybridCacheEntryOptions ReadOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableUnderlyingData | HybridCacheEntryFlags.DisableLocalCacheWrite | HybridCacheEntryFlags.DisableDistributedCacheWrite,
    };

    private static readonly HybridCacheEntryOptions Store = new() { Expiration = Lifetime, LocalCacheExpiration = TimeSpan.FromMinutes(30) };

    private readonly ITextEmbedder? _embedder = embedder.IsConfigured && !embedder.IsRetrievalOnly ? embedder : null;
    private readonly MemoryCache _semantic = new(new MemoryCacheOptions { SizeLimit = semanticCapacity, CompactionPercentage = 0.2, TrackStatistics = true });
    private readonly MemoryCache _questions = new(new MemoryCacheOptions { SizeLimit = questionCapacity, CompactionPercentage = 0.2 });

    /// <summary>Vectors remembered now, over every partition.</summary>
    internal long SemanticVectors => _semantic.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    /// <summary>Questions whose digest is remembered now.</summary>
    internal int RememberedQuestions => _questions.Count;

    public async Task<(CoachAnswer Answer, bool Cached)> GetOrComposeAsync(
        string question,
        Common.UserContext.UserContext context,
        string model,
        Func<CancellationToken, Task<CoachAnswer>> compose,
        CancellationToken cancellationToken)
    {
        var partition = $"{context.Fingerprint}:{model}";
        var key = $"{CacheName}:{partition}:{QuestionDigest(question)}";
        if (await TryGetAsync(key, cancellationToken) is { } exact)
        {
            Hit(model, "exact");
            return (exact, true);
        }

        var vector = await EmbedAsync(question, cancellationToken);
        if (vector is not null && NearestKey(partition, vector) is { } similarKey && await TryGetAsync(similarKey, cancellationToken) is { } similar)
        {
            Hit(model, "semantic");
            return (similar, true);
        }

        metrics.CacheMiss(CacheName);
        var answer = await compose(cancellationToken);
        if (!answer.Degraded)
        {
            try
            {
                await cache.SetAsync(key, answer, Store, cancellationToken: cancellationToken);
                if (vector is not null)
                {
                    Remember(partition, vector, key);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                metrics.CacheError(CacheName);
                logger.LogWarning(ex, "Could not cache a coach answer");
            }
        }

        return (answer, false);
    }

    private async Task<CoachAnswer?> TryGetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await cache.GetOrCreateAsync<CoachAnswer?>(key, _ => ValueTask.FromResult<CoachAnswer?>(null), ReadOnly, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            metrics.CacheError(CacheName);
            logger.LogWarning(ex, "Coach answer cache read failed; composing a new answer");
            return null;
        }
    }

    private void Hit(string model, string reason)
    {
        metrics.CacheHit(CacheName);
        if (model != CoachAnswerWriter.OfflineModel)
        {
            metrics.ModelCallAvoided("coach", reason);
        }
    }

    private async Task<float[]?> EmbedAsync(string question, CancellationToken cancellationToken)
    {
        if (_embedder is null)
        {
            return null;
        }

        try
        {
            return await _embedder.EmbedAsync(question, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Embedding the question failed; the answer cache matches on words only");
            return null;
        }
    }

    private string? NearestKey(string partition, float[] vector)
    {
        if (!_semantic.TryGetValue(partition, out (float[] Vector, string Key)[]? entries))
        {
            return null;
        }

        string? best = null;
        var bestSimilarity = SemanticThreshold;
        foreach (var (candidate, key) in entries!)
        {
            var similarity = Dot(candidate, vector);
            if (similarity >= bestSimilarity)
            {
                (best, bestSimilarity) = (key, similarity);
            }
        }

        return best;
    }

    /// <summary>Adds a question's vector to its partition (a new immutable array, so readers never see it half written).</summary>
    private void Remember(string partition, float[] vector, string key)
    {
        lock (_semantic)
        {
            var entries = _semantic.TryGetValue(partition, out (float[] Vector, string Key)[]? current) ? current! : [];
            (float[] Vector, string Key)[] updated = [.. entries.Where(e => e.Key != key).TakeLast(SemanticEntriesPerPartition - 1), (vector, key)];
            _semantic.Set(partition, updated, new MemoryCacheEntryOptions { Size = updated.Length, SlidingExpiration = Lifetime });
        }
    }

    public void Dispose()
    {
        _semantic.Dispose();
        _questions.Dispose();
    }

    private static double Dot(float[] a, float[] b)
    {
        if (a.Length != b.Length)
        {
            return 0;
        }

        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>The first 128 bits of SHA-256 over the normalised question, as hex.</summary>
    private string QuestionDigest(string question)
    {
        if (_questions.TryGetValue(question, out string? known))
        {
            return known!;
        }

        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizer.Normalize(question))))[..32];
        if (question.Length <= MaxRememberedQuestionLength)
        {
            _questions.Set(question, digest, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        }

        return digest;
    }
}
