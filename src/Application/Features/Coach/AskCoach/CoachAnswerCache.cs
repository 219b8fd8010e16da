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
/// abbreviations ("DOMS" / "muscle soreness") share an entry. With an embedding model configured, a question that
/// misses that key may still hit a cached question with the same fingerprint that it rewords: its embedding is at
/// least the model's <see cref="ITextEmbedder.ParaphraseSimilarity"/> from the cached one's, the two share less than
/// <see cref="MaxSharedTerms"/> of their terms, and they state the same numbers. The last two guard against edits:
/// sentence embeddings put "pain on the inside of my knee" and "... outside of my knee", or "deload every 4 weeks" and
/// "... 8 weeks", closer together (0.95–0.97 with MiniLM) than most true rewordings, so similarity alone cannot tell
/// them apart; a question that keeps most of another's words and changes a few changed what it asks. The threshold and
/// the guard were chosen on measured pairs (docs/BENCHMARKS.md, "Semantic answer cache"). Degraded answers (the model
/// failed) are never stored.
/// </summary>
public sealed partial class CoachAnswerCache(
    HybridCache cache,
    ITextNormalizer normalizer,
    IAppMetrics metrics,
    ILogger<CoachAnswerCache> logger,
    ITextEmbedder embedder,
    int semanticCapacity = CoachAnswerCache.MaxSemanticVectors,
    int questionCapacity = CoachAnswerCache.MaxRememberedQuestions) : IDisposable
{
    public const string CacheName = "coach-answer";

    /// <summary>
    /// Two questions sharing this share of their terms or more (of the shorter one's) are an edit of one another, never
    /// a semantic hit.
    /// </summary>
    public const double MaxSharedTerms = 0.5;

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

    private readonly ITextEmbedder? _embedder = embedder.IsConfigured ? embedder : null;
    private readonly double _paraphraseSimilarity = embedder.ParaphraseSimilarity;
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
        var shape = vector is null ? null : QuestionShape.Of(question, normalizer);
        if (vector is not null && NearestKey(partition, vector, shape!) is { } similarKey && await TryGetAsync(similarKey, cancellationToken) is { } similar)
        {
            Hit(model, "semantic");
            // The new wording gets its own word-level key, so asking it again is an exact hit that pays no embedding.
            await TryStoreAsync(key, similar, partition, vector: null, shape: null, cancellationToken);
            return (similar, true);
        }

        metrics.CacheMiss(CacheName);
        var answer = await compose(cancellationToken);
        if (!answer.Degraded)
        {
            await TryStoreAsync(key, answer, partition, vector, shape, cancellationToken);
        }

        return (answer, false);
    }

    private async Task TryStoreAsync(string key, CoachAnswer answer, string partition, float[]? vector, QuestionShape? shape, CancellationToken cancellationToken)
    {
        try
        {
            await cache.SetAsync(key, answer, Store, cancellationToken: cancellationToken);
            if (vector is not null && shape is not null)
            {
                Remember(partition, new Remembered(vector, key, shape));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            metrics.CacheError(CacheName);
            logger.LogWarning(ex, "Could not cache a coach answer");
        }
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

    private string? NearestKey(string partition, float[] vector, QuestionShape shape)
    {
        if (!_semantic.TryGetValue(partition, out Remembered[]? entries))
        {
            return null;
        }

        string? best = null;
        var bestSimilarity = _paraphraseSimilarity;
        foreach (var entry in entries!)
        {
            var similarity = Dot(entry.Vector, vector);
            if (similarity >= bestSimilarity && shape.Rewords(entry.Shape))
            {
                (best, bestSimilarity) = (entry.Key, similarity);
            }
        }

        return best;
    }

    /// <summary>Adds a question to its partition (a new immutable array, so readers never see it half written).</summary>
    private void Remember(string partition, Remembered remembered)
    {
        lock (_semantic)
        {
            var entries = _semantic.TryGetValue(partition, out Remembered[]? current) ? current! : [];
            Remembered[] updated = [.. entries.Where(e => e.Key != remembered.Key).TakeLast(SemanticEntriesPerPartition - 1), remembered];
            _semantic.Set(partition, updated, new MemoryCacheEntryOptions { Size = updated.Length, SlidingExpiration = Lifetime });
        }
    }

    /// <summary>A cached question as the semantic match sees it.</summary>
    private sealed record Remembered(float[] Vector, string Key, QuestionShape Shape);

    /// <summary>A question's normalised terms and the numbers it states, to tell a rewording from an edit.</summary>
    private sealed partial class QuestionShape(HashSet<string> terms, string numbers)
    {
        private HashSet<string> Terms { get; } = terms;

        private string Numbers { get; } = numbers;

        public static QuestionShape Of(string question, ITextNormalizer normalizer) => new(
            [.. normalizer.Normalize(question).Split(' ', StringSplitOptions.RemoveEmptyEntries)],
            string.Join(' ', Number().Matches(question).Select(m => m.Value).Order(StringComparer.Ordinal)));

        /// <summary>Same numbers, and less than <see cref="MaxSharedTerms"/> of the shorter question's terms shared.</summary>
        public bool Rewords(QuestionShape other)
        {
            if (!string.Equals(Numbers, other.Numbers, StringComparison.Ordinal))
            {
                return false;
            }

            var shorter = Terms.Count <= other.Terms.Count ? Terms : other.Terms;
            var longer = ReferenceEquals(shorter, Terms) ? other.Terms : Terms;
            return shorter.Count > 0 && (double)shorter.Count(longer.Contains) / shorter.Count < MaxSharedTerms;
        }

        [System.Text.RegularExpressions.GeneratedRegex(@"\d+(?:[.,]\d+)?", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
        private static partial System.Text.RegularExpressions.Regex Number();
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
