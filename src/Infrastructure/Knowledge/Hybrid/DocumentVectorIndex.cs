using System.Collections.Frozen;
using System.Diagnostics;
using System.Numerics.Tensors;
using FitCoach.Infrastructure.Embeddings;
using FitCoach.Infrastructure.Knowledge.Corpus;
using Microsoft.Extensions.Logging;

namespace FitCoach.Infrastructure.Knowledge.Hybrid;

/// <summary>Where the vector index is: not started, embedding the corpus (retrying after failures), or ready.</summary>
public enum VectorIndexState
{
    NotStarted,
    Building,
    Ready,
}

/// <summary>A document the vectors found: its id and its cosine similarity to the question.</summary>
public readonly record struct VectorHit(string Id, float Similarity);

/// <summary>
/// One unit-length vector per corpus document (title, tags and the start of the body), partitioned by namespace like
/// the BM25 index, searched exhaustively by dot product: the corpus is about a thousand documents, so a scan of one
/// namespace is well under a millisecond and needs no approximate index. Built once, in batches (one model call per
/// <see cref="BatchSize"/> documents), by <see cref="BuildAsync"/>; a failed batch is retried with backoff until it
/// succeeds or the app stops. Searchable only when every document has its vector, so a half-built index never skews
/// rankings. Safe for concurrent searches.
/// </summary>
public sealed class DocumentVectorIndex
{
    public const int DefaultBatchSize = 64;

    /// <summary>Enough of a document's body to say what it is about, and a bounded cost per document.</summary>
    public const int MaxBodyChars = 1500;

    private static readonly TimeSpan DefaultFirstRetryDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);

    private readonly IReadOnlyList<KnowledgeDocument> _documents;
    private readonly IBatchTextEmbedder _embedder;
    private readonly ILogger<DocumentVectorIndex> _logger;
    private readonly TimeSpan _firstRetryDelay;
    private readonly Lock _lock = new();
    private Task? _build;
    private volatile Snapshot? _snapshot;
    private volatile int _embedded;

    public DocumentVectorIndex(
        IReadOnlyList<KnowledgeDocument> documents,
        IBatchTextEmbedder embedder,
        ILogger<DocumentVectorIndex> logger,
        int batchSize = DefaultBatchSize,
        TimeSpan? firstRetryDelay = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        _documents = documents ?? throw new ArgumentNullException(nameof(documents));
        _embedder = embedder ?? throw new ArgumentNullException(nameof(embedder));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        BatchSize = batchSize;
        _firstRetryDelay = firstRetryDelay ?? DefaultFirstRetryDelay;
    }

    public int BatchSize { get; }

    public VectorIndexState State => _snapshot is not null ? VectorIndexState.Ready : _build is null ? VectorIndexState.NotStarted : VectorIndexState.Building;

    public bool IsReady => _snapshot is not null;

    /// <summary>Documents embedded so far (all of them once ready).</summary>
    public int EmbeddedCount => _embedded;

    public int DocumentCount => _documents.Count;

    /// <summary>The vector length, zero until ready.</summary>
    public int Dimensions => _snapshot?.Dimensions ?? 0;

    /// <summary>What is embedded for a document: its title, its tags, and the first <see cref="MaxBodyChars"/> of its body.</summary>
    public static string DocumentText(KnowledgeDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var body = document.Body;
        if (body.Length > MaxBodyChars)
        {
            var cut = body.LastIndexOf(' ', MaxBodyChars - 1);
            body = body[..(cut > MaxBodyChars / 2 ? cut : MaxBodyChars)];
        }

        return document.Tags.Count == 0
            ? $"{document.Title}\n{body}"
            : $"{document.Title}\n{string.Join(", ", document.Tags)}\n{body}";
    }

    /// <summary>
    /// Embeds the corpus, batch by batch, and makes the index searchable when all of it is done. Idempotent: later calls
    /// share the first call's build. Ends only when ready or when <paramref name="cancellationToken"/> fires.
    /// </summary>
    public Task BuildAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _build ??= BuildCoreAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The <paramref name="topN"/> documents of one namespace most similar to the unit-length <paramref name="query"/>,
    /// best first, leaving out those below <paramref name="minSimilarity"/>. Empty until ready.
    /// </summary>
    public IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, string knowledgeNamespace, int topN, float minSimilarity)
    {
        var snapshot = _snapshot;
        if (snapshot is null || topN <= 0 || !snapshot.Partitions.TryGetValue(knowledgeNamespace, out var partition))
        {
            return [];
        }

        if (query.Length != snapshot.Dimensions)
        {
            throw new ArgumentException($"The query has {query.Length} dimensions; the index has {snapshot.Dimensions}.", nameof(query));
        }

        var hits = new List<VectorHit>(topN + 1);
        for (var i = 0; i < partition.Ids.Length; i++)
        {
            var similarity = TensorPrimitives.Dot(query, partition.Vectors[i]);
            if (similarity < minSimilarity || (hits.Count == topN && similarity <= hits[^1].Similarity))
            {
                continue;
            }

            var at = hits.Count;
            while (at > 0 && hits[at - 1].Similarity < similarity)
            {
                at--;
            }

            hits.Insert(at, new VectorHit(partition.Ids[i], similarity));
            if (hits.Count > topN)
            {
                hits.RemoveAt(hits.Count - 1);
            }
        }

        return hits;
    }

    private async Task BuildCoreAsync(CancellationToken cancellationToken)
    {
        // The caller (a hosted service at startup) must not wait for the first model call.
        await Task.Yield();
        var started = Stopwatch.GetTimestamp();
        var vectors = new float[_documents.Count][];
        var batches = (_documents.Count + BatchSize - 1) / BatchSize;
        for (var batch = 0; batch < batches; batch++)
        {
            var documents = _documents.Skip(batch * BatchSize).Take(BatchSize).ToList();
            var embedded = await EmbedWithRetryAsync(documents, batch, batches, vectors, cancellationToken);
            for (var i = 0; i < embedded.Count; i++)
            {
                vectors[(batch * BatchSize) + i] = embedded[i];
            }

            _embedded = Math.Min(_documents.Count, (batch + 1) * BatchSize);
        }

        _snapshot = Snapshot.Build(_documents, vectors);
        _logger.LogInformation(
            "Vector index ready: {Documents} documents, {Dimensions} dimensions, {Batches} batches in {Seconds:0.0} s; retrieval is now hybrid (BM25 + vectors)",
            _documents.Count,
            _snapshot.Dimensions,
            batches,
            Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>
    /// One batch, retried with doubling delays (up to five minutes) while the model is unavailable; the first failure of a
    /// run of them is a warning, the rest are debug lines, so a model that is down for an hour does not flood the log.
    /// </summary>
    private async Task<IReadOnlyList<float[]>> EmbedWithRetryAsync(
        List<KnowledgeDocument> documents, int batch, int batches, float[][] done, CancellationToken cancellationToken)
    {
        var texts = documents.Select(DocumentText).ToList();
        var delay = _firstRetryDelay;
        var failures = 0;
        while (true)
        {
            try
            {
                var embedded = await _embedder.EmbedBatchAsync(texts, cancellationToken);
                if (embedded.Count != texts.Count)
                {
                    throw new InvalidDataException($"The embedding model returned {embedded.Count} vectors for {texts.Count} documents.");
                }

                var dimensions = batch == 0 ? embedded[0].Length : done[0].Length;
                if (embedded.Any(v => v.Length != dimensions))
                {
                    throw new InvalidDataException(
                        $"The embedding model returned vectors of {string.Join('/', embedded.Select(v => v.Length).Distinct())} dimensions, expected {dimensions}.");
                }

                if (failures > 0)
                {
                    _logger.LogInformation("Vector index: batch {Batch} of {Batches} embedded after {Failures} failed attempts", batch + 1, batches, failures);
                }

                return embedded;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failures++;
                if (failures == 1)
                {
                    _logger.LogWarning(
                        ex,
                        "Vector index: embedding batch {Batch} of {Batches} failed; retrieval stays BM25-only and the batch is retried in {Delay} s, then with growing delays",
                        batch + 1,
                        batches,
                        delay.TotalSeconds);
                }
                else
                {
                    _logger.LogDebug(ex, "Vector index: batch {Batch} failed again (attempt {Attempt})", batch + 1, failures);
                }
            }

            await Task.Delay(delay, cancellationToken);
            delay = delay * 2 > MaxRetryDelay ? MaxRetryDelay : delay * 2;
        }
    }

    private sealed class Partition
    {
        public required string[] Ids { get; init; }

        public required float[][] Vectors { get; init; }
    }

    private sealed class Snapshot
    {
        public required int Dimensions { get; init; }

        public required FrozenDictionary<string, Partition> Partitions { get; init; }

        public static Snapshot Build(IReadOnlyList<KnowledgeDocument> documents, float[][] vectors) => new()
        {
            Dimensions = vectors.Length == 0 ? 0 : vectors[0].Length,
            Partitions = documents
                .Select((document, index) => (document, vector: vectors[index]))
                .GroupBy(x => x.document.Namespace, StringComparer.Ordinal)
                .ToFrozenDictionary(
                    g => g.Key,
                    g => new Partition { Ids = [.. g.Select(x => x.document.Id)], Vectors = [.. g.Select(x => x.vector)] },
                    StringComparer.Ordinal),
        };
    }
}
