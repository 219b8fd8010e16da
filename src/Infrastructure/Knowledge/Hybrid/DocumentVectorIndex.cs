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
/// What a build did: entries (documents plus extra texts), how many came from the vector store, how many the model
/// computed, how many stored entries no longer match any text, and where the result was written (null: not written).
/// </summary>
public sealed record VectorIndexBuildReport(int Entries, int Reused, int Embedded, int Removed, string? WrittenTo, TimeSpan Elapsed);

/// <summary>
/// One unit-length vector per corpus document (title, tags and the start of the body), partitioned by namespace like
/// the BM25 index, searched exhaustively by dot product: the corpus is about a thousand documents, so a scan of one
/// namespace is well under a millisecond and needs no approximate index. Built once, by <see cref="BuildAsync"/>: the
/// vectors the <see cref="CorpusVectorStore"/> holds for these exact texts are reused, and only the rest go to the
/// model, in batches (one model call per <see cref="BatchSize"/> texts); a failed batch is retried with backoff until
/// it succeeds or the app stops. When anything was computed (or stored entries went stale) the store is rewritten.
/// Extra texts (the catalog's exercise names) are embedded and stored alongside, for <see cref="TextVector"/>.
/// Searchable only when every document has its vector, so a half-built index never skews rankings. Safe for
/// concurrent searches.
/// </summary>
public sealed class DocumentVectorIndex
{
    public const int DefaultBatchSize = 64;

    /// <summary>Enough of a document's body to say what it is about, and a bounded cost per document.</summary>
    public const int MaxBodyChars = 1500;

    private static readonly TimeSpan DefaultFirstRetryDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);

    private readonly IReadOnlyList<KnowledgeDocument> _documents;
    private readonly IReadOnlyList<string> _extraTexts;
    private readonly IBatchTextEmbedder _embedder;
    private readonly CorpusVectorStore? _store;
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
        TimeSpan? firstRetryDelay = null,
        CorpusVectorStore? store = null,
        IReadOnlyList<string>? extraTexts = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        _documents = documents ?? throw new ArgumentNullException(nameof(documents));
        _embedder = embedder ?? throw new ArgumentNullException(nameof(embedder));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _store = store;
        _extraTexts = [.. (extraTexts ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal)];
        BatchSize = batchSize;
        _firstRetryDelay = firstRetryDelay ?? DefaultFirstRetryDelay;
    }

    /// <summary>What the build did; null until ready.</summary>
    public VectorIndexBuildReport? LastBuild { get; private set; }

    /// <summary>Texts embedded besides the documents (the catalog's exercise names).</summary>
    public int ExtraTextCount => _extraTexts.Count;

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

    /// <summary>The stored vector of one of the extra texts (an exercise name), or null when it is not one or not ready.</summary>
    public float[]? TextVector(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _snapshot?.Extras.GetValueOrDefault(CorpusVectorFile.HashOf(text));
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
        // The caller (a hosted service at startup) must not wait for the vector file or the first model call.
        await Task.Yield();
        var started = Stopwatch.GetTimestamp();
        var texts = _documents.Select(DocumentText).Concat(_extraTexts).ToList();
        var hashes = texts.Select(CorpusVectorFile.HashOf).ToArray();
        var vectors = new float[texts.Count][];
        var stored = _store?.Load();
        var missing = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (stored is not null && stored.Vectors.TryGetValue(hashes[i], out var vector))
            {
                vectors[i] = vector;
            }
            else
            {
                missing.Add(i);
            }
        }

        _embedded = _documents.Count - missing.Count(i => i < _documents.Count);
        var batches = (missing.Count + BatchSize - 1) / BatchSize;
        for (var batch = 0; batch < batches; batch++)
        {
            var indexes = missing.Skip(batch * BatchSize).Take(BatchSize).ToList();
            var embedded = await EmbedWithRetryAsync([.. indexes.Select(i => texts[i])], batch, batches, stored?.Dimensions ?? 0, vectors, cancellationToken);
            for (var i = 0; i < embedded.Count; i++)
            {
                vectors[indexes[i]] = embedded[i];
            }

            _embedded += indexes.Count(i => i < _documents.Count);
        }

        var dimensions = vectors.Length == 0 ? 0 : vectors[0].Length;
        if (vectors.Any(v => v.Length != dimensions))
        {
            throw new InvalidDataException($"The stored vectors and the model's disagree on dimensions ({string.Join('/', vectors.Select(v => v.Length).Distinct())}).");
        }

        var current = hashes.ToHashSet();
        var removed = stored?.Vectors.Keys.Count(h => !current.Contains(h)) ?? 0;
        string? writtenTo = null;
        // Rewritten when it differs from the corpus, or when the writable file does not hold these vectors yet.
        if (_store is not null && (missing.Count > 0 || removed > 0 || (_store.WritablePath is not null && !_store.LoadedWritable)))
        {
            var file = new CorpusVectorFile(_store.ModelId, dimensions, hashes.Zip(vectors).DistinctBy(p => p.First).ToDictionary(p => p.First, p => p.Second));
            writtenTo = _store.Save(file) ? _store.WritablePath : null;
        }

        LastBuild = new VectorIndexBuildReport(texts.Count, texts.Count - missing.Count, missing.Count, removed, writtenTo, Stopwatch.GetElapsedTime(started));
        _snapshot = Snapshot.Build(_documents, vectors, hashes);
        // Reading shipped vectors is routine at every start (Debug); computing any is news (Information).
        _logger.Log(
            missing.Count > 0 || writtenTo is not null ? LogLevel.Information : LogLevel.Debug,
            "Vector index ready: {Documents} documents and {Extras} exercise names, {Dimensions} dimensions; {Reused} vectors from the vector file, {Embedded} computed, {Removed} stale dropped{Written} in {Seconds:0.00} s; retrieval is now hybrid (BM25 + vectors)",
            _documents.Count,
            _extraTexts.Count,
            dimensions,
            LastBuild.Reused,
            LastBuild.Embedded,
            removed,
            writtenTo is null ? "" : $", written to {writtenTo}",
            LastBuild.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// One batch, retried with doubling delays (up to five minutes) while the model is unavailable; the first failure of a
    /// run of them is a warning, the rest are debug lines, so a model that is down for an hour does not flood the log.
    /// </summary>
    private async Task<IReadOnlyList<float[]>> EmbedWithRetryAsync(
        List<string> texts, int batch, int batches, int storedDimensions, float[][] done, CancellationToken cancellationToken)
    {
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

                var dimensions = storedDimensions > 0 ? storedDimensions : batch == 0 ? embedded[0].Length : done.First(v => v is not null).Length;
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

        /// <summary>The extra texts' vectors by text hash.</summary>
        public required FrozenDictionary<ulong, float[]> Extras { get; init; }

        public static Snapshot Build(IReadOnlyList<KnowledgeDocument> documents, float[][] vectors, ulong[] hashes) => new()
        {
            Dimensions = vectors.Length == 0 ? 0 : vectors[0].Length,
            Extras = hashes.Skip(documents.Count).Zip(vectors.Skip(documents.Count)).DistinctBy(p => p.First).ToFrozenDictionary(p => p.First, p => p.Second),
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
